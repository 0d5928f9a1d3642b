package io.github.deepseekspring.rag.app.code;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code a model wrote: the first fenced block tagged with the requested language (an untagged block when there
 * is none), and the rest of the answer as its explanation. Fences are CommonMark's: three or more backticks or
 * tildes, closed by a line of at least as many of the same character.
 *
 * @param code the code, without its fences, or null when the answer has no block of the language
 * @param explanation the answer without the chosen block, trimmed
 * @param complete false when the block was cut off before its closing fence
 */
public record FencedCode(String code, String explanation, boolean complete) {

	private static final Pattern OPENING = Pattern.compile("^ {0,3}(`{3,}|~{3,})[ \\t]*([^\\s`]*)[^\\n]*$",
			Pattern.MULTILINE);

	/** Extracts the code of {@code language} from a model's answer. */
	public static FencedCode extract(String answer, CodeLanguage language) {
		if (answer == null) {
			return new FencedCode(null, "", false);
		}
		Block untagged = null;
		int from = 0;
		Matcher opening = OPENING.matcher(answer);
		while (from < answer.length() && opening.find(from)) {
			Block block = block(answer, opening);
			if (language.matchesFenceTag(opening.group(2))) {
				return block.toCode(answer);
			}
			if (untagged == null && opening.group(2).isEmpty()) {
				untagged = block;
			}
			from = block.end;
		}
		if (untagged != null) {
			return untagged.toCode(answer);
		}
		return new FencedCode(null, answer.strip(), false);
	}

	/** Whether a block of the language was found. */
	public boolean found() {
		return this.code != null;
	}

	private static Block block(String answer, Matcher opening) {
		String fence = opening.group(1);
		int bodyStart = Math.min(answer.length(), opening.end() + 1);
		Pattern closing = Pattern.compile("^ {0,3}" + Pattern.quote(String.valueOf(fence.charAt(0))) + "{"
				+ fence.length() + ",}[ \\t]*$", Pattern.MULTILINE);
		Matcher close = closing.matcher(answer);
		if (close.find(bodyStart)) {
			int end = Math.min(answer.length(), close.end() + 1);
			return new Block(opening.start(), bodyStart, close.start(), end, true);
		}
		return new Block(opening.start(), bodyStart, answer.length(), answer.length(), false);
	}

	private record Block(int start, int bodyStart, int bodyEnd, int end, boolean closed) {

		FencedCode toCode(String answer) {
			String body = answer.substring(this.bodyStart, Math.max(this.bodyStart, this.bodyEnd));
			if (body.endsWith("\n")) {
				body = body.substring(0, body.length() - 1);
			}
			String explanation = (answer.substring(0, this.start) + answer.substring(this.end)).strip();
			return new FencedCode(body, explanation, this.closed);
		}

	}

	/** The error to report for this extraction, if any. */
	Optional<String> error(CodeLanguage language) {
		if (!found()) {
			return Optional.of("The model's answer contains no " + language.displayName() + " code block.");
		}
		if (!this.complete) {
			return Optional.of("The answer was cut off before the code block was closed; the code may be incomplete.");
		}
		return Optional.empty();
	}

}
