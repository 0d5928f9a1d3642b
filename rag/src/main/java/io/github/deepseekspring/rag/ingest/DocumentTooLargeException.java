package io.github.deepseekspring.rag.ingest;

/** A document larger than the knowledge base accepts; nothing was read or stored. The message names the limit. */
public class DocumentTooLargeException extends RuntimeException {

	public DocumentTooLargeException(String message) {
		super(message);
	}

}
