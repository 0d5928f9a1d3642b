package io.github.deepseekspring.testkit.process;

import java.io.IOException;
import java.util.List;

/** Short commands run to their end: set-up steps and probes of the test servers. */
public final class Commands {

	private Commands() {
	}

	/** @return the command's exit code; its output is discarded */
	public static int exitCode(List<String> command) throws IOException {
		try {
			return new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start()
				.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted running " + command, ex);
		}
	}

	/** @return what the command printed, or an empty string when it could not run */
	static String output(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes());
			process.waitFor();
			return out;
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

}
