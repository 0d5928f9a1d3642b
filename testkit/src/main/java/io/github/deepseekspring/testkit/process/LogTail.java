package io.github.deepseekspring.testkit.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a test server's console output, for start-up failure messages. */
public final class LogTail {

	private static final int LINES = 40;

	private LogTail() {
	}

	public static String of(Path console, Path runFolder) {
		try {
			List<String> lines = Files.exists(console) ? Files.readAllLines(console, StandardCharsets.UTF_8) : List.of();
			return "--- last lines of " + console.getFileName() + " (run folder " + runFolder + ") ---\n"
					+ String.join("\n", lines.subList(Math.max(0, lines.size() - LINES), lines.size()));
		}
		catch (IOException ex) {
			return "(could not read " + console + ": " + ex.getMessage() + ")";
		}
	}

}
