package io.github.deepseekspring.rag.ingest;

import java.util.OptionalInt;

import io.github.deepseekspring.rag.embedding.Embedder;
import io.github.deepseekspring.rag.embedding.EmbeddingMismatchException;
import io.github.deepseekspring.rag.embedding.EmbeddingUnavailableException;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses to mix vectors of two embedding models in one index: at start-up (when the index already holds vectors)
 * and before each write. Its errors name the properties that select the model and the index.
 */
public final class EmbeddingDimensionGuard {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddingDimensionGuard.class);

	private final Embedder embeddings;

	public EmbeddingDimensionGuard(Embedder embeddings) {
		this.embeddings = embeddings;
	}

	/**
	 * Checks the configured model against an index that already holds vectors. When the model cannot be asked for
	 * its size (the local runtime is away), logs that and leaves the check to ingestion.
	 * @throws EmbeddingMismatchException when the sizes differ
	 */
	public void verifyAtStartup(KnowledgeStore store) {
		OptionalInt stored = store.vectorDimensions();
		if (stored.isEmpty()) {
			return;
		}
		int produced;
		try {
			produced = this.embeddings.dimensions();
		}
		catch (EmbeddingUnavailableException ex) {
			logger.warn("Could not check the embedding model against the {} index now ({}); ingestion will check it",
					store.kind(), ex.getMessage());
			return;
		}
		check(store, produced);
	}

	/**
	 * Checks vectors about to be written.
	 * @throws EmbeddingMismatchException when their size differs from the index's
	 */
	public void check(KnowledgeStore store, int produced) {
		OptionalInt stored = store.vectorDimensions();
		if (stored.isPresent() && stored.getAsInt() != produced) {
			throw new EmbeddingMismatchException("The " + store.kind() + " knowledge base index holds "
					+ stored.getAsInt() + "-dimension vectors, but the embedding model " + this.embeddings.description()
					+ " makes " + produced + "-dimension ones. Use the embedding model the index was built with (set "
					+ "deepseek.rag.embedding.provider and deepseek.rag.embedding.model back), or start on an empty "
					+ "index (another deepseek.rag.data-dir for Lucene, another deepseek.rag.elasticsearch.alias "
					+ "for Elasticsearch) and ingest the documents again.");
		}
	}

}
