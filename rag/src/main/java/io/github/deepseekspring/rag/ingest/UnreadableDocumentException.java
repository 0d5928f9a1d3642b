package io.github.deepseekspring.rag.ingest;

/** The upload cannot be turned into text: empty, malformed, encrypted or not what its name says. */
public class UnreadableDocumentException extends RuntimeException {

	public UnreadableDocumentException(String reason) {
		super(reason);
	}

	public UnreadableDocumentException(String reason, Throwable cause) {
		super(reason, cause);
	}

}
