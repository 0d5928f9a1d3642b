package io.github.deepseekspring.local.chat;

/**
 * Separates DeepSeek-R1 style inline reasoning ({@code <think>…</think>} at the start of the answer) from the answer,
 * incrementally: tags may be split across pieces at any position, so a possible tag prefix at the end of a piece is
 * held back until the next one. Whitespace right inside the tags and right after the closing tag is dropped, so the
 * concatenated pieces equal {@link #splitWhole(String)}. Not thread-safe: one per stream.
 */
public final class ThinkTagSplitter {

	private static final String OPEN = "<think>";
	private static final String CLOSE = "</think>";

	private enum State { START, THINKING, AFTER_THINKING, CONTENT }

	private final StringBuilder pending = new StringBuilder();
	private State state = State.START;

	/** Reasoning and answer text of one piece. */
	public record Split(String thinking, String content) {
	}

	/** Splits a whole answer. */
	public static Split splitWhole(String text) {
		ThinkTagSplitter splitter = new ThinkTagSplitter();
		Split first = splitter.feed(text);
		Split rest = splitter.finish();
		return new Split(first.thinking() + rest.thinking(), first.content() + rest.content());
	}

	/** Feeds the next piece; returns what can be released now. */
	public Split feed(String piece) {
		if (state == State.CONTENT && pending.length() == 0) {
			return new Split("", piece);
		}
		pending.append(piece);
		StringBuilder thinking = new StringBuilder();
		StringBuilder content = new StringBuilder();
		drain(thinking, content, false);
		return new Split(thinking.toString(), content.toString());
	}

	/** End of the answer: releases anything held back (an unterminated reasoning counts as reasoning). */
	public Split finish() {
		StringBuilder thinking = new StringBuilder();
		StringBuilder content = new StringBuilder();
		drain(thinking, content, true);
		return new Split(thinking.toString(), content.toString());
	}

	private void drain(StringBuilder thinking, StringBuilder content, boolean end) {
		boolean progress = true;
		while (progress) {
			progress = switch (state) {
				case START -> start(content, end);
				case THINKING -> thinking(thinking, end);
				case AFTER_THINKING -> afterThinking();
				case CONTENT -> {
					content.append(pending);
					pending.setLength(0);
					yield false;
				}
			};
		}
	}

	private boolean start(StringBuilder content, boolean end) {
		int first = firstNonWhitespace(pending);
		if (first < 0) {
			return false;
		}
		String rest = pending.substring(first);
		if (rest.startsWith(OPEN)) {
			pending.delete(0, first + OPEN.length());
			state = State.THINKING;
			return true;
		}
		if (!end && OPEN.startsWith(rest)) {
			return false;
		}
		state = State.CONTENT;
		return true;
	}

	private boolean thinking(StringBuilder thinking, boolean end) {
		int close = pending.indexOf(CLOSE);
		if (close >= 0) {
			thinking.append(stripLeadingIfStart(pending.substring(0, close)).stripTrailing());
			pending.delete(0, close + CLOSE.length());
			state = State.AFTER_THINKING;
			return true;
		}
		if (end) {
			thinking.append(stripLeadingIfStart(pending.toString()).strip());
			pending.setLength(0);
			return false;
		}
		int keepFrom = lastNonWhitespaceEnd(pending.subSequence(0, heldTagStart(pending)));
		String release = stripLeadingIfStart(pending.substring(0, keepFrom));
		pending.delete(0, keepFrom);
		if (!release.isEmpty()) {
			releasedThinking = true;
		}
		thinking.append(release);
		return false;
	}

	private boolean releasedThinking;

	private String stripLeadingIfStart(String text) {
		return releasedThinking ? text : text.stripLeading();
	}

	private boolean afterThinking() {
		int first = firstNonWhitespace(pending);
		if (first < 0) {
			pending.setLength(0);
			return false;
		}
		pending.delete(0, first);
		state = State.CONTENT;
		return true;
	}

	/** Where a possible (partial) closing tag at the end begins, or the length when there is none. */
	private static int heldTagStart(CharSequence text) {
		int length = text.length();
		for (int size = Math.min(CLOSE.length() - 1, length); size > 0; size--) {
			if (CLOSE.startsWith(text.subSequence(length - size, length).toString())) {
				return length - size;
			}
		}
		return length;
	}

	private static int lastNonWhitespaceEnd(CharSequence text) {
		int end = text.length();
		while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		return end;
	}

	private static int firstNonWhitespace(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			if (!Character.isWhitespace(text.charAt(i))) {
				return i;
			}
		}
		return -1;
	}

}
