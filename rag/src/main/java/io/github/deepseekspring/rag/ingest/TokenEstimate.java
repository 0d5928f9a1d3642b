package io.github.deepseekspring.rag.ingest;

/**
 * A tokenizer-free estimate of how many model tokens a text costs: one per CJK character, one per short Latin word
 * (longer words count a token per four letters), one per other symbol. Good enough to size chunks.
 */
public final class TokenEstimate {

	private TokenEstimate() {
	}

	/** Estimated model tokens of a text. */
	public static int of(String text) {
		int tokens = 0;
		int wordLength = 0;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			i += Character.charCount(codePoint);
			if (Character.isLetterOrDigit(codePoint) && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.LATIN
					|| Character.isDigit(codePoint)) {
				wordLength++;
				continue;
			}
			tokens += (wordLength + 3) / 4;
			wordLength = 0;
			if (!Character.isWhitespace(codePoint)) {
				tokens++;
			}
		}
		return tokens + (wordLength + 3) / 4;
	}

}
