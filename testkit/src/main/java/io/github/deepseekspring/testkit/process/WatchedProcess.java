package io.github.deepseekspring.testkit.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test server as a child process that cannot outlive the JVM that started it. The command runs inside a small shell
 * watchdog that sends the server its stop signal when that JVM is gone (killed by a timeout, say), and a shutdown hook
 * stops it on a normal exit; either way its run folder is deleted (by the hook, or by the next start through
 * {@link RunFolders}). Under root the command runs as the {@link UnprivilegedUser}.
 */
public final class WatchedProcess {

	private static final String WATCHDOG = """
			parent=$1; signal=$2; shift 2
			"$@" &
			child=$!
			trap 'kill -"$signal" "$child" 2>/dev/null; wait "$child"; exit 0' TERM INT
			while kill -0 "$parent" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1; done
			kill -"$signal" "$child" 2>/dev/null
			wait "$child"
			""";

	private static final int STOP_TIMEOUT_SECONDS = 20;

	private final Process process;

	private final Path run;

	private WatchedProcess(Process process, Path run) {
		this.process = process;
		this.run = run;
	}

	/**
	 * Starts the command, its output going to {@code console}.
	 * @param command the server's command line
	 * @param stopSignal the signal that stops the server cleanly and soon ({@code TERM}; PostgreSQL's fast shutdown
	 * is {@code INT})
	 * @param run the run folder, deleted once the server stopped
	 * @param console where standard output and error go
	 * @param name names the shutdown hook's thread
	 */
	public static WatchedProcess start(List<String> command, String stopSignal, Path run, Path console, String name)
			throws IOException {
		List<String> watched = new ArrayList<>(List.of("sh", "-c", WATCHDOG, "watchdog",
				Long.toString(ProcessHandle.current().pid()), stopSignal));
		watched.addAll(asServerUser(command));
		Process process = new ProcessBuilder(watched).redirectErrorStream(true)
			.redirectOutput(console.toFile())
			.start();
		WatchedProcess started = new WatchedProcess(process, run);
		Runtime.getRuntime().addShutdownHook(new Thread(started::stop, name + "-stop"));
		return started;
	}

	/** Runs a command to its end as the server's user (the {@link UnprivilegedUser} under root), for set-up steps. */
	public static int runToEnd(List<String> command, Path console) throws IOException {
		try {
			return new ProcessBuilder(asServerUser(command)).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()))
				.start()
				.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted running " + command, ex);
		}
	}

	private static List<String> asServerUser(List<String> command) {
		if (!UnprivilegedUser.isRoot()) {
			return command;
		}
		List<String> asUser = new ArrayList<>(UnprivilegedUser.runAsCommand());
		asUser.addAll(command);
		return asUser;
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** Sends the stop signal through the watchdog, kills what is left after 20 s, and deletes the run folder. */
	public void stop() {
		List<ProcessHandle> descendants = this.process.descendants().toList();
		this.process.destroy();
		try {
			if (!this.process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				descendants.forEach(ProcessHandle::destroyForcibly);
				this.process.destroyForcibly();
			}
			RunFolders.deleteRecursively(this.run);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			// The run folder is temporary; leaving it behind on a failed delete is harmless.
		}
	}

}
