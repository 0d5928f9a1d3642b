package io.github.deepseekspring.rag.app.chat;

/**
 * Removes from customer text what no question needs and what can do harm downstream: C0/C1 control characters other
 * than tab and line breaks (NUL, BEL, terminal escape sequences that would colour or rewrite log lines), unpaired
 * UTF-16 surrogates (not text; some databases and clients reject them) and the bidirectional override and isolate
 * characters (text that displays differently from what it says).
 */
public final class ControlCharacters {

	private ControlCharacters() {
	}

	public static String strip(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder clean = null;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			int next = i + Character.charCount(codePoint);
			if (unwanted(codePoint)) {
				if (clean == null) {
					clean = new StringBuilder(text.length()).append(text, 0, i);
				}
			}
			else if (clean != null) {
				clean.appendCodePoint(codePoint);
			}
			i = next;
		}
		return (clean != null) ? clean.toString() : text;
	}

	private static boolean unwanted(int codePoint) {
		if (codePoint == '\t' || codePoint == '\n' || codePoint == '\r') {
			return false;
		}
		int type = Character.getType(codePoint);
		return type == Character.CONTROL || type == Character.SURROGATE || (codePoint >= 0x202A && codePoint <= 0x202E)
				|| (codePoint >= 0x2066 && codePoint <= 0x2069);
	}

}
