package io.github.deepseekspring.testkit.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the unpacked official distribution as a child process: single node, security off, 512 MB heap, disk
 * watermarks off (CI disks run full), its own config, data and log folders per run. Under root it runs as the
 * unprivileged user {@value UnprivilegedUser#NAME}, because Elasticsearch refuses to start as root.
 *
 * <p>The process is wrapped in a small shell watchdog that stops Elasticsearch when the JVM that started it is gone,
 * so a test JVM killed by a timeout leaves no orphan behind; a shutdown hook stops it on a normal exit. The run
 * folders of killed JVMs are deleted by the next start ({@link StaleRuns}).
 */
final class DistributionElasticsearch {

	static final Duration START_TIMEOUT = Duration.ofSeconds(180);

	private static final String WATCHDOG = """
			parent=$1; shift
			"$@" &
			child=$!
			trap 'kill -TERM "$child" 2>/dev/null; wait "$child"; exit 0' TERM INT
			while kill -0 "$parent" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1; done
			kill -TERM "$child" 2>/dev/null
			wait "$child"
			""";

	private DistributionElasticsearch() {
	}

	static URI start(Path zip) {
		boolean root = UnprivilegedUser.isRoot();
		Path cacheRoot = cacheRoot(root);
		Path home = DistributionInstall.unpackOnce(zip, cacheRoot, ElasticsearchProvisioning.VERSION);
		try {
			Path runs = Files.createDirectories(cacheRoot.resolve("runs"));
			StaleRuns.deleteAbandoned(runs);
			Path run = Files.createTempDirectory(runs, "node-");
			StaleRuns.markOwned(run);
			copyConfig(home.resolve("config"), run.resolve("config"));
			Files.createDirectories(run.resolve("data"));
			Files.createDirectories(run.resolve("logs"));
			if (root) {
				UnprivilegedUser.ensureExists();
				UnprivilegedUser.giveOwnership(run);
			}
			int httpPort = freePort();
			URI uri = URI.create("http://127.0.0.1:" + httpPort);
			Path console = run.resolve("console.log");
			Process process = new ProcessBuilder(command(home, run, httpPort, root)).redirectErrorStream(true)
				.redirectOutput(console.toFile())
				.start();
			Runtime.getRuntime()
				.addShutdownHook(new Thread(() -> stop(process, run), "testkit-elasticsearch-stop"));
			ElasticsearchHealth.awaitYellow(uri, START_TIMEOUT, process::isAlive, () -> LogTail.of(console, run));
			return uri;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start Elasticsearch from " + home, ex);
		}
	}

	private static List<String> command(Path home, Path run, int httpPort, boolean root) throws IOException {
		List<String> command = new ArrayList<>(List.of("sh", "-c", WATCHDOG, "watchdog",
				Long.toString(ProcessHandle.current().pid())));
		if (root) {
			command.addAll(UnprivilegedUser.runAsCommand());
		}
		command.addAll(List.of("env", "ES_JAVA_HOME=" + JavaHomes.java21OrNewer(), "ES_PATH_CONF=" + run.resolve("config"),
				"ES_JAVA_OPTS=-Xms512m -Xmx512m", home.resolve("bin").resolve("elasticsearch").toString(),
				"-Ediscovery.type=single-node", "-Expack.security.enabled=false",
				"-Ecluster.routing.allocation.disk.threshold_enabled=false", "-Ehttp.host=127.0.0.1",
				"-Etransport.host=127.0.0.1", "-Ehttp.port=" + httpPort, "-Etransport.port=" + freePort(),
				"-Epath.data=" + run.resolve("data"), "-Epath.logs=" + run.resolve("logs")));
		return command;
	}

	private static Path cacheRoot(boolean root) {
		String configured = System.getProperty("deepseek.testkit.cache-dir");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		// Root's home is not traversable by the unprivileged user Elasticsearch runs as; the temp folder is.
		return root ? Path.of(System.getProperty("java.io.tmpdir"), "deepseek-testkit")
				: Path.of(System.getProperty("user.home"), ".cache", "deepseek-testkit");
	}

	private static void copyConfig(Path from, Path to) throws IOException {
		Files.createDirectories(to);
		try (var files = Files.walk(from)) {
			for (Path source : files.toList()) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else if (!source.getFileName().toString().equals("elasticsearch.keystore")) {
					Files.copy(source, target);
				}
			}
		}
	}

	private static void stop(Process process, Path run) {
		List<ProcessHandle> descendants = process.descendants().toList();
		process.destroy();
		descendants.forEach(ProcessHandle::destroy);
		try {
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				descendants.forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
			}
			DistributionInstall.deleteRecursively(run);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			// The run folder is temporary; leaving it behind on a failed delete is harmless.
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
