package io.github.deepseekspring.rag.embedding;

/** The embedding model could not be reached or refused the request; nothing was stored. */
public class EmbeddingUnavailableException extends RuntimeException {

	public EmbeddingUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

	public EmbeddingUnavailableException(String message) {
		super(message);
	}

}
