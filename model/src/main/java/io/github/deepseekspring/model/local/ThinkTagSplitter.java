package io.github.deepseekspring.model.local;

/**
 * Separates reasoning written inline as {@code <think>…</think>} (DeepSeek-R1 distills on Ollama) from the answer,
 * also when a tag is cut across stream chunks: a possible tag prefix at the end of a chunk is held back until the
 * next chunk decides it. One instance per stream; not thread-safe.
 */
public final class ThinkTagSplitter {

	private static final String OPEN = "<think>";

	private static final String CLOSE = "</think>";

	private final StringBuilder held = new StringBuilder();

	private boolean thinking;

	/** Reasoning and answer text recognised in one piece of input. */
	public record Split(String reasoning, String content) {

		public boolean isEmpty() {
			return this.reasoning.isEmpty() && this.content.isEmpty();
		}

	}

	/** Feeds one chunk of model output. */
	public Split accept(String chunk) {
		this.held.append(chunk);
		StringBuilder reasoning = new StringBuilder();
		StringBuilder content = new StringBuilder();
		while (this.held.length() > 0) {
			String tag = this.thinking ? CLOSE : OPEN;
			int at = this.held.indexOf(tag);
			if (at >= 0) {
				(this.thinking ? reasoning : content).append(this.held, 0, at);
				this.held.delete(0, at + tag.length());
				this.thinking = !this.thinking;
				continue;
			}
			int keep = partialTagSuffix(this.held, tag);
			(this.thinking ? reasoning : content).append(this.held, 0, this.held.length() - keep);
			this.held.delete(0, this.held.length() - keep);
			break;
		}
		return new Split(reasoning.toString(), content.toString());
	}

	/** Whatever was held back when the stream ends (a cut-off tag prefix is plain text after all). */
	public Split finish() {
		String rest = this.held.toString();
		this.held.setLength(0);
		return this.thinking ? new Split(rest, "") : new Split("", rest);
	}

	/** Splits a complete (non-streamed) answer. */
	public static Split splitAll(String text) {
		ThinkTagSplitter splitter = new ThinkTagSplitter();
		Split body = splitter.accept(text == null ? "" : text);
		Split tail = splitter.finish();
		return new Split((body.reasoning() + tail.reasoning()).strip(), (body.content() + tail.content()).strip());
	}

	private static int partialTagSuffix(CharSequence text, String tag) {
		int max = Math.min(tag.length() - 1, text.length());
		for (int len = max; len > 0; len--) {
			boolean matches = true;
			for (int i = 0; i < len; i++) {
				if (text.charAt(text.length() - len + i) != tag.charAt(i)) {
					matches = false;
					break;
				}
			}
			if (matches) {
				return len;
			}
		}
		return 0;
	}

}
