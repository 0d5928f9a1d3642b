package io.github.deepseekspring.rag.text;

/**
 * The language of a question or a passage as far as retrieval cares: Chinese (any text with a fair share of CJK
 * characters) or English (Latin letters with at most a tenth of CJK among them, e.g. "YF-AX3000 保修" is Chinese).
 */
public enum Language {

	/** Chinese, and any CJK text. */
	ZH,
	/** English, and any Latin-script text. */
	EN;

	/** The share of CJK characters among letters up to which a text counts as English. */
	public static final double ENGLISH_MAX_CJK_SHARE = 0.1;

	/** The language of {@code text}: {@link #EN} when its letters are (almost) all Latin, otherwise {@link #ZH}. */
	public static Language of(String text) {
		return of(text, ENGLISH_MAX_CJK_SHARE);
	}

	/**
	 * The language of {@code text} with another threshold.
	 * @param englishMaxCjkShare the highest share of CJK characters among the letters that still counts as English
	 */
	public static Language of(String text, double englishMaxCjkShare) {
		int cjk = 0;
		int latin = 0;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			i += Character.charCount(codePoint);
			if (CjkBigramSegmenter.isCjk(codePoint)) {
				cjk++;
			}
			else if (Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.LATIN) {
				latin++;
			}
		}
		if (latin == 0) {
			return ZH;
		}
		return ((double) cjk / (cjk + latin) <= englishMaxCjkShare) ? EN : ZH;
	}

}
