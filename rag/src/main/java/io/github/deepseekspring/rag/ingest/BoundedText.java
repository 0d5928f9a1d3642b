package io.github.deepseekspring.rag.ingest;

import java.io.Writer;

/**
 * Collects extracted text page by page and stops the extraction as soon as a document holds more than it may, so
 * that an oversized text is never built in memory.
 */
final class BoundedText extends Writer {

	private final int maxLength;

	private final StringBuilder page = new StringBuilder();

	private long total;

	BoundedText(int maxLength) {
		this.maxLength = maxLength;
	}

	@Override
	public void write(char[] chars, int offset, int length) {
		this.total += length;
		if (this.total > this.maxLength) {
			throw new UnreadableDocumentException("the document holds more than " + this.maxLength
					+ " characters of text (deepseek.rag.ingest.max-text-length)");
		}
		this.page.append(chars, offset, length);
	}

	/** The text written since the last call. */
	String takePage() {
		String text = this.page.toString();
		this.page.setLength(0);
		return text;
	}

	@Override
	public void flush() {
	}

	@Override
	public void close() {
	}

}
