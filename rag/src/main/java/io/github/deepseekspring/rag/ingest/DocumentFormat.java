package io.github.deepseekspring.rag.ingest;

import java.util.Locale;
import java.util.Optional;

/** The formats the knowledge base ingests, recognised by file name or media type. */
public enum DocumentFormat {

	MARKDOWN, HTML, PDF, TEXT;

	/** The format of an upload, from its file name first, then its declared media type. */
	public static Optional<DocumentFormat> detect(String fileName, String contentType) {
		String name = (fileName != null) ? fileName.toLowerCase(Locale.ROOT) : "";
		if (name.endsWith(".md") || name.endsWith(".markdown")) {
			return Optional.of(MARKDOWN);
		}
		if (name.endsWith(".html") || name.endsWith(".htm")) {
			return Optional.of(HTML);
		}
		if (name.endsWith(".pdf")) {
			return Optional.of(PDF);
		}
		if (name.endsWith(".txt") || name.endsWith(".text")) {
			return Optional.of(TEXT);
		}
		String type = (contentType != null) ? contentType.toLowerCase(Locale.ROOT) : "";
		if (type.startsWith("text/markdown")) {
			return Optional.of(MARKDOWN);
		}
		if (type.startsWith("text/html")) {
			return Optional.of(HTML);
		}
		if (type.startsWith("application/pdf")) {
			return Optional.of(PDF);
		}
		if (type.startsWith("text/plain")) {
			return Optional.of(TEXT);
		}
		return Optional.empty();
	}

}
