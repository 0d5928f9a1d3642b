package io.github.deepseekspring.rag.ingest;

import io.github.deepseekspring.rag.store.StoredDocument;

/**
 * Told about each document while the stored documents are embedded again ({@link IngestionService#embedAgain}), so a
 * long re-index can show how far it is. Called on the thread that embeds; a listener that throws stops the re-index
 * before the next document (the documents done so far keep their new vectors).
 */
public interface EmbeddingProgress {

	/** Listens to nothing. */
	EmbeddingProgress NONE = new EmbeddingProgress() {
	};

	/**
	 * A document is about to be embedded.
	 * @param index its position, from 0
	 * @param total the number of documents
	 * @param document the document
	 */
	default void started(int index, int total, StoredDocument document) {
	}

	/**
	 * A document has its new vectors in the store.
	 * @param index its position, from 0
	 * @param total the number of documents
	 * @param document the document
	 * @param chunks its chunks embedded again
	 */
	default void embedded(int index, int total, StoredDocument document, int chunks) {
	}

}
