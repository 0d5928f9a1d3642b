package io.github.deepseekspring.rag.app.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a user turn's layout back, for assertions. */
final class PromptLayout {

	private static final Pattern PASSAGE = Pattern.compile("<passage n=\"(\\d+)\"[^>]*>\\n(.*?)\\n</passage>",
			Pattern.DOTALL);

	private PromptLayout() {
	}

	/** The passages' texts, in their numbered order. */
	static List<String> passages(String userTurn) {
		List<String> passages = new ArrayList<>();
		Matcher matcher = PASSAGE.matcher(userTurn);
		while (matcher.find()) {
			passages.add(matcher.group(2));
		}
		return passages;
	}

	static int count(String text, String needle) {
		int count = 0;
		for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
			count++;
		}
		return count;
	}

}
