package io.github.deepseekspring.rag.app.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renumbers the model's citations for the customer. The model cites passage numbers of its prompt ({@code [3]});
 * the customer sees the cited passages numbered 1, 2, … in order of first citation, and only those. Citations of
 * numbers that were not in the prompt are dropped, {@code [1, 3]} becomes {@code [1][2]}. Works on a stream: text is
 * fed in pieces, and a piece ending inside a possible citation is held back until the next one.
 * <p>
 * The model's own text (original numbers) is what the conversation history keeps, so that later prompts repeat it
 * verbatim; the renumbered text is what the customer sees. Not thread-safe: one per answer.
 */
public final class CitationNumbers {

	private static final Pattern CITATION = Pattern.compile("\\[([1-9]\\d{0,2}(?:\\s*[,，、]\\s*[1-9]\\d{0,2})*)\\]");

	private static final Pattern OPEN_TAIL = Pattern.compile("\\[[\\d\\s,，、]{0,24}$");

	private static final Pattern NUMBER = Pattern.compile("\\d+");

	private final java.util.Set<Integer> valid;

	private final Map<Integer, Integer> renumbered = new LinkedHashMap<>();

	private final StringBuilder pending = new StringBuilder();

	/** @param passageCount the prompt has passages 1..passageCount */
	public CitationNumbers(int passageCount) {
		this(java.util.stream.IntStream.rangeClosed(1, passageCount).boxed().collect(java.util.stream.Collectors.toSet()));
	}

	/** @param valid the passage numbers in the prompt */
	public CitationNumbers(java.util.Set<Integer> valid) {
		this.valid = valid;
	}

	/** Renumbers a whole answer at once. */
	public String rewrite(String answer) {
		return accept(answer) + finish();
	}

	/**
	 * Feeds the next piece of the answer.
	 *
	 * @return the text that can be shown now, renumbered
	 */
	public String accept(String piece) {
		this.pending.append(piece);
		String text = this.pending.toString();
		Matcher tail = OPEN_TAIL.matcher(text);
		int cut = tail.find() ? tail.start() : text.length();
		this.pending.setLength(0);
		this.pending.append(text, cut, text.length());
		return renumber(text.substring(0, cut));
	}

	/** @return the text held back at the end of the answer */
	public String finish() {
		String rest = this.pending.toString();
		this.pending.setLength(0);
		return renumber(rest);
	}

	/** @return the prompt's passage numbers that were cited, in the order of their new numbers */
	public List<Integer> cited() {
		return new ArrayList<>(this.renumbered.keySet());
	}

	private String renumber(String text) {
		Matcher citation = CITATION.matcher(text);
		StringBuilder result = new StringBuilder();
		while (citation.find()) {
			StringBuilder replacement = new StringBuilder();
			Matcher number = NUMBER.matcher(citation.group(1));
			while (number.find()) {
				int original = Integer.parseInt(number.group());
				if (this.valid.contains(original)) {
					int shown = this.renumbered.computeIfAbsent(original, (key) -> this.renumbered.size() + 1);
					replacement.append('[').append(shown).append(']');
				}
			}
			citation.appendReplacement(result, Matcher.quoteReplacement(replacement.toString()));
		}
		citation.appendTail(result);
		return result.toString();
	}

}
