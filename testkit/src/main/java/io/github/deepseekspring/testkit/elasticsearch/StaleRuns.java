package io.github.deepseekspring.testkit.elasticsearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Per-run folders (config, data, logs) of nodes whose JVM was killed: the watchdog stops such a node, but nobody is
 * left to delete its folder. Each run records the pid of the JVM that owns it, and the next start deletes the runs
 * whose owner is gone, never those of a JVM still running (two Maven modules may test at once).
 */
final class StaleRuns {

	private static final String OWNER_FILE = "owner.pid";

	/** Runs from before owner files existed are only trusted to be stale once this old. */
	private static final Duration UNOWNED_GRACE = Duration.ofHours(1);

	private StaleRuns() {
	}

	static void markOwned(Path run) throws IOException {
		Files.writeString(run.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
	}

	static void deleteAbandoned(Path runs) {
		if (!Files.isDirectory(runs)) {
			return;
		}
		try (Stream<Path> children = Files.list(runs)) {
			for (Path run : children.filter(Files::isDirectory).toList()) {
				if (abandoned(run)) {
					DistributionInstall.deleteRecursively(run);
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
