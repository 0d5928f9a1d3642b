package io.github.deepseekspring.testkit.elasticsearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Finds a Java 21+ runtime for Elasticsearch, whose integ-test distribution bundles none. */
final class JavaHomes {

	private static final List<Path> JVM_FOLDERS = List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/local/lib/jvm"),
			Path.of("/opt/java"), Path.of("/Library/Java/JavaVirtualMachines"));

	private JavaHomes() {
	}

	static String java21OrNewer() {
		String override = System.getenv("ES_JAVA_HOME");
		if (override != null && !override.isBlank()) {
			return override;
		}
		if (Runtime.version().feature() >= 21) {
			return System.getProperty("java.home");
		}
		return JVM_FOLDERS.stream()
			.filter(Files::isDirectory)
			.flatMap(JavaHomes::children)
			.map(JavaHomes::homeOf)
			.filter((home) -> Files.isExecutable(home.resolve("bin/java")) && featureVersion(home) >= 21)
			.max(Comparator.comparingInt(JavaHomes::featureVersion))
			.map(Path::toString)
			.orElseThrow(() -> new IllegalStateException(
					"Elasticsearch needs Java 21+: run the tests on a JDK 21+ or set ES_JAVA_HOME"));
	}

	private static Stream<Path> children(Path folder) {
		try (Stream<Path> list = Files.list(folder)) {
			return list.toList().stream();
		}
		catch (IOException ex) {
			return Stream.empty();
		}
	}

	private static Path homeOf(Path candidate) {
		Path macHome = candidate.resolve("Contents/Home");
		return Files.isDirectory(macHome) ? macHome : candidate;
	}

	private static int featureVersion(Path home) {
		try {
			for (String line : Files.readAllLines(home.resolve("release"))) {
				if (line.startsWith("JAVA_VERSION=")) {
					String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
					String major = version.startsWith("1.") ? version.split("\\.")[1] : version.split("[.+-]")[0];
					return Integer.parseInt(major);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// no readable release file: not a JDK we can vouch for
		}
		return 0;
	}

}
