package io.github.deepseekspring.rag.app.chat;

/** The language a conversation is held in: Chinese by default, English when a question has (almost) no CJK. */
public enum Language {

	/** Simplified Chinese. */
	ZH,
	/** English. */
	EN;

	/**
	 * Detects the language of a question by its share of CJK characters among its letters.
	 *
	 * @param text the question
	 * @param englishMaxCjkRatio the highest share of CJK characters that still counts as English
	 * @return EN when the share is at most the ratio and there are Latin letters, ZH otherwise
	 */
	public static Language detect(String text, double englishMaxCjkRatio) {
		int cjk = 0;
		int latin = 0;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			i += Character.charCount(codePoint);
			Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
			if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
					|| script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL) {
				cjk++;
			}
			else if (script == Character.UnicodeScript.LATIN) {
				latin++;
			}
		}
		if (latin == 0) {
			return ZH;
		}
		return ((double) cjk / (cjk + latin) <= englishMaxCjkRatio) ? EN : ZH;
	}

}
