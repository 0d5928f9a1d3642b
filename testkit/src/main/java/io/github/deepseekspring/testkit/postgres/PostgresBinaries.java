package io.github.deepseekspring.testkit.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the folder of PostgreSQL's server binaries ({@code initdb}, {@code postgres}, {@code pg_isready}): the
 * {@code PG_BIN} environment variable (or the {@code deepseek.testkit.postgres.bin} system property), the folder
 * {@code initdb} on the {@code PATH} links to, then Debian's {@code /usr/lib/postgresql/<version>/bin}, newest first.
 */
final class PostgresBinaries {

	static final String BIN_PROPERTY = "deepseek.testkit.postgres.bin";

	private static final Path DEBIAN = Path.of("/usr/lib/postgresql");

	private static final List<String> NEEDED = List.of("initdb", "postgres", "pg_isready");

	private PostgresBinaries() {
	}

	static Optional<Path> locate() {
		return candidates().stream().filter(PostgresBinaries::complete).findFirst();
	}

	static List<Path> candidates() {
		List<Path> candidates = new ArrayList<>();
		String explicit = System.getProperty(BIN_PROPERTY, System.getenv("PG_BIN"));
		if (explicit != null && !explicit.isBlank()) {
			candidates.add(Path.of(explicit.trim()));
		}
		onPath("initdb").ifPresent(candidates::add);
		candidates.addAll(debianVersions());
		return candidates;
	}

	private static boolean complete(Path folder) {
		return NEEDED.stream().allMatch((name) -> Files.isExecutable(folder.resolve(name)));
	}

	/** The folder the program found on the PATH really lives in (Debian links only some tools into /usr/bin). */
	private static Optional<Path> onPath(String program) {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		for (String entry : path.split(java.io.File.pathSeparator)) {
			Path candidate = Path.of(entry).resolve(program);
			if (Files.isExecutable(candidate)) {
				try {
					return Optional.of(candidate.toRealPath().getParent());
				}
				catch (IOException ex) {
					return Optional.of(candidate.getParent());
				}
			}
		}
		return Optional.empty();
	}

	private static List<Path> debianVersions() {
		if (!Files.isDirectory(DEBIAN)) {
			return List.of();
		}
		try (Stream<Path> versions = Files.list(DEBIAN)) {
			return versions.filter((version) -> version.getFileName().toString().matches("\\d+(\\.\\d+)?"))
				.sorted(Comparator.comparingDouble((Path version) -> Double.parseDouble(version.getFileName().toString()))
					.reversed())
				.map((version) -> version.resolve("bin"))
				.toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

}
