package io.github.deepseekspring.rag.app.kb;

/** A document over the configured size limit. */
class DocumentTooLargeException extends RuntimeException {

	DocumentTooLargeException(String message) {
		super(message);
	}

}
