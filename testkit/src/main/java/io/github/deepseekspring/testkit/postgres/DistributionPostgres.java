package io.github.deepseekspring.testkit.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.deepseekspring.testkit.process.Commands;
import io.github.deepseekspring.testkit.process.LocalPorts;
import io.github.deepseekspring.testkit.process.LogTail;
import io.github.deepseekspring.testkit.process.RunFolders;
import io.github.deepseekspring.testkit.process.UnprivilegedUser;
import io.github.deepseekspring.testkit.process.WatchedProcess;

/**
 * A fresh PostgreSQL cluster from the installed binaries: {@code initdb} into a run folder, then {@code postgres} as
 * a {@link WatchedProcess watched} child on a free port of 127.0.0.1 (no Unix socket), trusting local connections, with
 * durability off (fsync, synchronous commit and full-page writes: a test database is thrown away, and is much faster
 * without them). Under root both run as the unprivileged user {@value UnprivilegedUser#NAME}, because PostgreSQL
 * refuses to run as root. Stopped with PostgreSQL's fast shutdown ({@code SIGINT}), which ends open connections.
 */
final class DistributionPostgres {

	static final String USER = "test";

	static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private DistributionPostgres() {
	}

	static TestPostgres start(Path bin) {
		try {
			Path run = RunFolders.create("postgres-");
			RunFolders.handOver(run);
			Path console = run.resolve("console.log");
			Path data = run.resolve("data");
			int initialized = WatchedProcess.runToEnd(List.of(bin.resolve("initdb").toString(), "--pgdata=" + data,
					"--username=" + USER, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"), console);
			if (initialized != 0) {
				throw new IllegalStateException("initdb failed (exit " + initialized + "):\n" + LogTail.of(console, run));
			}
			int port = LocalPorts.free();
			WatchedProcess server = WatchedProcess.start(List.of(bin.resolve("postgres").toString(), "-D",
					data.toString(), "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1", "-c",
					"unix_socket_directories=", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c",
					"full_page_writes=off", "-c", "max_connections=200"), "INT", run, console, "testkit-postgres");
			awaitReady(bin, port, server, console, run);
			return new TestPostgres("jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, USER, "binaries");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start PostgreSQL from " + bin, ex);
		}
	}

	private static void awaitReady(Path bin, int port, WatchedProcess server, Path console, Path run)
			throws IOException {
		List<String> probe = List.of(bin.resolve("pg_isready").toString(), "--host=127.0.0.1", "--port=" + port,
				"--timeout=2", "--quiet");
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!server.isAlive()) {
				throw new IllegalStateException("PostgreSQL stopped while starting:\n" + LogTail.of(console, run));
			}
			if (Commands.exitCode(probe) == 0) {
				return;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for PostgreSQL", ex);
			}
		}
		throw new IllegalStateException(
				"PostgreSQL on port " + port + " was not ready within " + START_TIMEOUT + ":\n" + LogTail.of(console, run));
	}

}
