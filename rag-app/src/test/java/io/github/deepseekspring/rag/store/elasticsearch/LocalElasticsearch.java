package io.github.deepseekspring.rag.store.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Elasticsearch for this module's integration tests: {@code ES_URL} when set, otherwise the
 * official distribution zip (copied to {@code target/} by the build) started once per JVM as a
 * child process, single node, security off. Elasticsearch refuses to run as root, so under root it
 * runs as an unprivileged user created for it.
 *
 * <p>Stopgap until the testkit's shared Elasticsearch provisioning exists; then this class goes.
 */
final class LocalElasticsearch {

    private static final String USER = "deepseek-es";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
    private static URI shared;

    private LocalElasticsearch() {
    }

    /** The HTTP address of a running Elasticsearch, starting one on first use. */
    static synchronized URI httpUri() {
        String configured = System.getenv("ES_URL");
        if (configured != null && !configured.isBlank()) {
            return URI.create(configured);
        }
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static URI start() {
        try {
            Path zip = Path.of(System.getProperty("elasticsearch.distribution.zip",
                    "target/elasticsearch-distribution/elasticsearch.zip"));
            Path home = unpack(zip, zip.resolveSibling("unpacked"));
            Path work = Files.createTempDirectory(zip.getParent(), "node-");
            int http = freePort();
            List<String> command = new ArrayList<>();
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                ensureUser();
                run(List.of("chown", "-R", USER, home.toString(), work.toString()));
                command.addAll(List.of("runuser", "-u", USER, "--"));
            }
            command.addAll(List.of("env", "ES_JAVA_HOME=" + System.getProperty("java.home"), "ES_JAVA_OPTS=-Xms512m -Xmx512m",
                    home.resolve("bin/elasticsearch").toString(), "-Ediscovery.type=single-node",
                    "-Expack.security.enabled=false", "-Ecluster.routing.allocation.disk.threshold_enabled=false",
                    "-Ehttp.port=" + http, "-Etransport.port=" + freePort(), "-Epath.data=" + work.resolve("data"),
                    "-Epath.logs=" + work.resolve("logs")));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(work.resolve("console.log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process)));
            URI uri = URI.create("http://127.0.0.1:" + http);
            awaitHealthy(uri, process, work.resolve("console.log"));
            return uri;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not start Elasticsearch for the tests", ex);
        }
    }

    private static Path unpack(Path zip, Path target) throws IOException {
        if (!Files.exists(zip)) {
            throw new IllegalStateException("no Elasticsearch distribution at " + zip.toAbsolutePath()
                    + "; run the build through Maven or set ES_URL");
        }
        Path marker = target.resolve(".complete");
        if (!Files.exists(marker)) {
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    Path file = target.resolve(entry.getName()).normalize();
                    if (!file.startsWith(target)) {
                        throw new IOException("zip entry outside the target: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(file);
                    }
                    else {
                        Files.createDirectories(file.getParent());
                        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            try (var scripts = Files.list(target.resolve(singleChild(target)).resolve("bin"))) {
                for (Path script : scripts.toList()) {
                    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            Files.createFile(marker);
        }
        return target.resolve(singleChild(target));
    }

    private static String singleChild(Path dir) throws IOException {
        try (var children = Files.list(dir)) {
            return children.filter(Files::isDirectory).findFirst().orElseThrow().getFileName().toString();
        }
    }

    private static void ensureUser() throws IOException {
        if (run(List.of("id", "-u", USER)) != 0) {
            run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER));
        }
    }

    private static void awaitHealthy(URI uri, Process process, Path console) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(uri.resolve("/_cluster/health?wait_for_status=yellow&timeout=5s"))
                .timeout(Duration.ofSeconds(10)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Elasticsearch exited with " + process.exitValue() + ":\n" + tail(console));
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // still starting
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Elasticsearch", ex);
            }
            sleep(Duration.ofMillis(500));
        }
        stop(process);
        throw new IllegalStateException("Elasticsearch did not become healthy within " + START_TIMEOUT + ":\n" + tail(console));
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    private static int run(List<String> command) throws IOException {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running " + command.getFirst(), ex);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
