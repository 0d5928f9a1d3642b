package io.github.deepseekspring.rag.app.chat;

/**
 * Tells whether an answer repeats the system prompt: any of its lines of some length, or a long run of one, appearing
 * in the answer (ignoring white space). A prompt injection that talks the model into revealing its instructions then
 * yields no answer rather than the instructions.
 */
final class SystemPromptLeak {

	private static final int MIN_RUN = 24;

	private SystemPromptLeak() {
	}

	static boolean leaks(String systemPrompt, String answer) {
		String haystack = squeeze(answer);
		for (String line : systemPrompt.split("\n")) {
			String needle = squeeze(line);
			for (int start = 0; start + MIN_RUN <= needle.length(); start += MIN_RUN / 2) {
				if (haystack.contains(needle.substring(start, start + MIN_RUN))) {
					return true;
				}
			}
		}
		return false;
	}

	private static String squeeze(String text) {
		return text.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
	}

}
