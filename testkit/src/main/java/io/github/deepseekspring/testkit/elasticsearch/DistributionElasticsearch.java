package io.github.deepseekspring.testkit.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.deepseekspring.testkit.process.LocalPorts;
import io.github.deepseekspring.testkit.process.LogTail;
import io.github.deepseekspring.testkit.process.RunFolders;
import io.github.deepseekspring.testkit.process.UnprivilegedUser;
import io.github.deepseekspring.testkit.process.WatchedProcess;

/**
 * Starts the unpacked official distribution as a child process: single node, security off, 512 MB heap, disk
 * watermarks off (CI disks run full), its own config, data and log folders per run. Under root it runs as the
 * unprivileged user {@value UnprivilegedUser#NAME}, because Elasticsearch refuses to start as root. The process is
 * {@link WatchedProcess watched}: it stops with the JVM, even one that was killed.
 */
final class DistributionElasticsearch {

	static final Duration START_TIMEOUT = Duration.ofSeconds(180);

	private DistributionElasticsearch() {
	}

	static URI start(Path zip) {
		Path home = DistributionInstall.unpackOnce(zip, RunFolders.cacheRoot(), ElasticsearchProvisioning.VERSION);
		try {
			Path run = RunFolders.create("node-");
			copyConfig(home.resolve("config"), run.resolve("config"));
			Files.createDirectories(run.resolve("data"));
			Files.createDirectories(run.resolve("logs"));
			RunFolders.handOver(run);
			int httpPort = LocalPorts.free();
			URI uri = URI.create("http://127.0.0.1:" + httpPort);
			Path console = run.resolve("console.log");
			WatchedProcess process = WatchedProcess.start(command(home, run, httpPort), "TERM", run, console,
					"testkit-elasticsearch");
			ElasticsearchHealth.awaitYellow(uri, START_TIMEOUT, process::isAlive, () -> LogTail.of(console, run));
			return uri;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start Elasticsearch from " + home, ex);
		}
	}

	private static List<String> command(Path home, Path run, int httpPort) {
		return List.of("env", "ES_JAVA_HOME=" + JavaHomes.java21OrNewer(), "ES_PATH_CONF=" + run.resolve("config"),
				"ES_JAVA_OPTS=-Xms512m -Xmx512m", home.resolve("bin").resolve("elasticsearch").toString(),
				"-Ediscovery.type=single-node", "-Expack.security.enabled=false",
				"-Ecluster.routing.allocation.disk.threshold_enabled=false", "-Ehttp.host=127.0.0.1",
				"-Etransport.host=127.0.0.1", "-Ehttp.port=" + httpPort, "-Etransport.port=" + LocalPorts.free(),
				"-Epath.data=" + run.resolve("data"), "-Epath.logs=" + run.resolve("logs"));
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

}
