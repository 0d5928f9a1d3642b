package io.github.deepseekspring.rag.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stretches of a text that a chunk boundary must not cut: inline code spans, and Latin words with the codes,
 * versions and addresses built from them ({@code YF-AX3000}, {@code E-1023}, {@code v1.5}, {@code 192.168.1.1}).
 * Chinese text has no spaces, so without this a cut by size could land in the middle of a product code.
 */
final class UnbreakableSpans {

	private static final Pattern SPAN = Pattern.compile("`[^`\\n]+`|[A-Za-z0-9]+(?:[-_./:][A-Za-z0-9]+)*");

	private final List<int[]> spans;

	private UnbreakableSpans(List<int[]> spans) {
		this.spans = spans;
	}

	static UnbreakableSpans in(String text) {
		List<int[]> spans = new ArrayList<>();
		Matcher matcher = SPAN.matcher(text);
		while (matcher.find()) {
			spans.add(new int[] { matcher.start(), matcher.end() });
		}
		return new UnbreakableSpans(spans);
	}

	/** Whether cutting the text before char index {@code at} would split a span. */
	boolean cuts(int at) {
		return spanAround(at) != null;
	}

	/** The nearest index at or before {@code at} where a cut splits no span. */
	int safeCutAtOrBefore(int at) {
		int[] span = spanAround(at);
		return (span != null) ? span[0] : at;
	}

	private int[] spanAround(int at) {
		int low = 0;
		int high = this.spans.size() - 1;
		while (low <= high) {
			int middle = (low + high) >>> 1;
			int[] span = this.spans.get(middle);
			if (at <= span[0]) {
				high = middle - 1;
			}
			else if (at >= span[1]) {
				low = middle + 1;
			}
			else {
				return span;
			}
		}
		return null;
	}

}
