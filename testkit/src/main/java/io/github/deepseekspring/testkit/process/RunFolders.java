package io.github.deepseekspring.testkit.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The testkit's cache folder (unpacked distributions) and the per-run folders of the servers it starts (config, data,
 * logs). A run folder records the pid of the JVM that owns it: the watchdog stops the server of a JVM that was killed,
 * but nobody is left to delete its folder, so the next start deletes the runs whose owner is gone, never those of a
 * JVM still running (two Maven modules may test at once).
 */
public final class RunFolders {

	private static final String OWNER_FILE = "owner.pid";

	/** Runs from before owner files existed are only trusted to be stale once this old. */
	private static final Duration UNOWNED_GRACE = Duration.ofHours(1);

	private RunFolders() {
	}

	/**
	 * The testkit's cache folder: the system property {@code deepseek.testkit.cache-dir}, else
	 * {@code ~/.cache/deepseek-testkit}, or under root the temp folder (root's home is not traversable by the
	 * unprivileged user the servers run as).
	 */
	public static Path cacheRoot() {
		String configured = System.getProperty("deepseek.testkit.cache-dir");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		return UnprivilegedUser.isRoot() ? Path.of(System.getProperty("java.io.tmpdir"), "deepseek-testkit")
				: Path.of(System.getProperty("user.home"), ".cache", "deepseek-testkit");
	}

	/**
	 * A fresh run folder under {@code <cache root>/runs}, owned by this JVM, after deleting the abandoned ones. Under
	 * root it belongs to the {@link UnprivilegedUser} (created if needed), so the server can write into it.
	 * @param prefix the start of its name, such as {@code node-}
	 */
	public static Path create(String prefix) throws IOException {
		Path runs = Files.createDirectories(cacheRoot().resolve("runs"));
		deleteAbandoned(runs);
		Path run = Files.createTempDirectory(runs, prefix);
		Files.writeString(run.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
		return run;
	}

	/** Hands the run folder, as it is now, to the {@link UnprivilegedUser} when this JVM is root. */
	public static void handOver(Path run) throws IOException {
		if (UnprivilegedUser.isRoot()) {
			UnprivilegedUser.ensureExists();
			UnprivilegedUser.giveOwnership(run);
		}
	}

	public static void deleteRecursively(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	static void deleteAbandoned(Path runs) {
		if (!Files.isDirectory(runs)) {
			return;
		}
		try (Stream<Path> children = Files.list(runs)) {
			for (Path run : children.filter(Files::isDirectory).toList()) {
				if (abandoned(run)) {
					deleteRecursively(run);
				}
			}
		}
		catch (IOException ex) {
			// Cleaning up is best effort: a leftover folder costs disk space, not correctness.
		}
	}

	private static boolean abandoned(Path run) throws IOException {
		Path owner = run.resolve(OWNER_FILE);
		if (!Files.exists(owner)) {
			return Files.getLastModifiedTime(run).toInstant().isBefore(Instant.now().minus(UNOWNED_GRACE));
		}
		Optional<Long> pid = parsePid(Files.readAllLines(owner));
		return pid.flatMap(ProcessHandle::of).map((handle) -> !handle.isAlive()).orElse(true);
	}

	private static Optional<Long> parsePid(List<String> lines) {
		try {
			return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
