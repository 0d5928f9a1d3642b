package io.github.deepseekspring.rag.embedding;

/**
 * The configured embedding model makes vectors of another size than the knowledge base index holds: the index was
 * built with another model. The message names the properties to change.
 */
public class EmbeddingMismatchException extends IllegalStateException {

	public EmbeddingMismatchException(String message) {
		super(message);
	}

}
