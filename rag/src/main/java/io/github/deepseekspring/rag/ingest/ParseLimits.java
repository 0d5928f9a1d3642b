package io.github.deepseekspring.rag.ingest;

/**
 * What reading one document may cost, so that a hostile or broken file cannot exhaust the JVM: a PDF whose
 * compressed streams expand to gigabytes stops at {@code maxParseMemory}, one with thousands of pages at
 * {@code maxPdfPages}, any document at {@code maxTextLength} characters of text. A document over a limit is
 * {@link UnreadableDocumentException unreadable}, with the limit named.
 *
 * @param maxDocumentSize largest document accepted, in bytes
 * @param maxPdfPages most pages of a PDF
 * @param maxParseMemory most bytes a PDF's page content may decode to, and most memory its decoded streams may take
 * while it is read
 * @param maxTextLength most characters of text one document may hold
 */
public record ParseLimits(long maxDocumentSize, int maxPdfPages, long maxParseMemory, int maxTextLength) {

	public ParseLimits {
		if (maxDocumentSize < 1 || maxPdfPages < 1 || maxParseMemory < 1 || maxTextLength < 1) {
			throw new IllegalArgumentException("every parse limit must be positive");
		}
	}

	/** 20 MB documents, 1,000 PDF pages, 64 MB to read a PDF, 2,000,000 characters of text. */
	public static ParseLimits defaults() {
		return new ParseLimits(20L * 1024 * 1024, 1_000, 64L * 1024 * 1024, 2_000_000);
	}

	/** @throws DocumentTooLargeException when {@code size} bytes are more than a document may have */
	public void checkSize(long size) {
		if (size > this.maxDocumentSize) {
			throw new DocumentTooLargeException("the document has " + size + " bytes, more than the "
					+ this.maxDocumentSize + " allowed (deepseek.rag.ingest.max-document-size)");
		}
	}

}
