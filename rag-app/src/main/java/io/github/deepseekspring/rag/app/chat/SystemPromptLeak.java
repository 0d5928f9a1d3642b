package io.github.deepseekspring.rag.app.chat;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises the system prompt in what the model says, so that a prompt injection that talks the model into revealing
 * its instructions yields no answer rather than the instructions. Text is compared by its letters and digits only,
 * folded: compatibility forms (full-width letters) to their plain form, upper to lower case, accents dropped, and
 * spaces, punctuation and format characters (zero-width ones) ignored, so spacing the rules out or hiding characters
 * between them changes nothing. A run of {@value #CJK_RUN} letters of a mostly Chinese/Japanese/Korean prompt, or of
 * {@value #OTHER_RUN} of another, found in the output is a leak. The prompts protected are the conversation's and the
 * built-in ones of both languages, so a translation into the other language is recognised too (a free paraphrase
 * is not: the prompt holds rules, no secrets).
 *
 * <p>A {@link Watch} follows a streamed text and tells how much of it may be shown: all but the longest tail that
 * could still grow into a run, so no letter of a leak is ever sent before the leak is recognised.
 */
final class SystemPromptLeak {

	/** Letters in a row of a mostly CJK prompt that make a leak (they carry about two Latin letters each). */
	static final int CJK_RUN = 16;

	/** Letters in a row of any other prompt that make a leak. */
	static final int OTHER_RUN = 32;

	private static final Set<UnicodeScript> CJK = Set.of(UnicodeScript.HAN, UnicodeScript.HIRAGANA,
			UnicodeScript.KATAKANA, UnicodeScript.HANGUL);

	private final List<Protected> prompts;

	SystemPromptLeak(Collection<String> prompts) {
		this.prompts = prompts.stream().distinct().map(Protected::of).filter((p) -> !p.letters().isEmpty()).toList();
	}

	/** Whether the whole text repeats a protected prompt. */
	boolean leaks(String text) {
		return (text != null) && watch().append(text).leaked();
	}

	/** A watch over a text that arrives in pieces. */
	Watch watch() {
		return new Watch();
	}

	/** Appends the folded letters and digits of one code point (none for spaces, punctuation, format characters). */
	static void fold(int codePoint, StringBuilder letters) {
		if (Character.isLetterOrDigit(codePoint)) {
			// One code point folds alone: NFKD maps compatibility forms and splits off accents, which are dropped.
			String decomposed = Normalizer.normalize(Character.toString(codePoint), Normalizer.Form.NFKD);
			decomposed.codePoints()
				.filter(Character::isLetterOrDigit)
				.map(Character::toLowerCase)
				.forEach(letters::appendCodePoint);
		}
	}

	private record Protected(String letters, int run) {

		static Protected of(String prompt) {
			StringBuilder letters = new StringBuilder();
			prompt.codePoints().forEach((c) -> fold(c, letters));
			long cjk = letters.codePoints().filter((c) -> CJK.contains(UnicodeScript.of(c))).count();
			int run = (cjk * 2 >= letters.codePointCount(0, letters.length())) ? CJK_RUN : OTHER_RUN;
			return new Protected(letters.toString().toLowerCase(Locale.ROOT), run);
		}

	}

	/**
	 * Follows a text piece by piece: for each protected prompt, the longest tail of the text's letters that occurs in
	 * the prompt. That tail is what must be held back; once it reaches a run, the text leaks.
	 */
	final class Watch {

		private final StringBuilder letters = new StringBuilder();

		/** For each char of {@link #letters}, where the code point it came from starts in the text. */
		private int[] origins = new int[128];

		private final int[] matched = new int[SystemPromptLeak.this.prompts.size()];

		private int length;

		private boolean leaked;

		/** Adds the next piece of the text. */
		Watch append(String piece) {
			StringBuilder folded = new StringBuilder(4);
			for (int i = 0; i < piece.length() && !this.leaked;) {
				int codePoint = piece.codePointAt(i);
				folded.setLength(0);
				fold(codePoint, folded);
				for (int j = 0; j < folded.length() && !this.leaked; j++) {
					add(folded.charAt(j), this.length + i);
				}
				i += Character.charCount(codePoint);
			}
			this.length += piece.length();
			return this;
		}

		private void add(char letter, int origin) {
			int index = this.letters.length();
			if (index == this.origins.length) {
				this.origins = Arrays.copyOf(this.origins, index * 2);
			}
			this.origins[index] = origin;
			this.letters.append(letter);
			for (int p = 0; p < this.matched.length; p++) {
				Protected prompt = SystemPromptLeak.this.prompts.get(p);
				int tail = this.matched[p] + 1;
				while (tail > 0 && !prompt.letters().contains(this.letters.subSequence(index + 1 - tail, index + 1))) {
					tail--;
				}
				this.matched[p] = tail;
				if (tail >= prompt.run()) {
					this.leaked = true;
				}
			}
		}

		/** Whether the text so far repeats a protected prompt. */
		boolean leaked() {
			return this.leaked;
		}

		/**
		 * How much of the text (in chars from its start) may be shown now: all of it but the tail that could still
		 * become a leak. Meaningless once {@link #leaked()}.
		 */
		int releasable() {
			int hold = Arrays.stream(this.matched).max().orElse(0);
			return (hold == 0) ? this.length : this.origins[this.letters.length() - hold];
		}

	}

}
