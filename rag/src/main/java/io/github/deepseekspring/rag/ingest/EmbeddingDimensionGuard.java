package io.github.deepseekspring.rag.ingest;

import io.github.deepseekspring.rag.embedding.EmbeddingMismatchException;
import io.github.deepseekspring.rag.embedding.EmbeddingUnavailableException;
import io.github.deepseekspring.rag.embedding.VectorSpace;
import io.github.deepseekspring.rag.embedding.VectorSpaces;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses to mix vectors of two embedding models in one vector space of an index: at start-up (when the index already
 * holds vectors) and before each write. A space the index does not hold yet is no conflict: its vectors are added.
 * Its errors name the properties that select the model and the index.
 */
public final class EmbeddingDimensionGuard {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddingDimensionGuard.class);

	private final VectorSpaces spaces;

	public EmbeddingDimensionGuard(VectorSpaces spaces) {
		this.spaces = spaces;
	}

	/**
	 * Checks the configured models against an index that already holds vectors. When a model cannot be asked for its
	 * size (the local runtime is away), logs that and leaves the check to ingestion.
	 * @throws EmbeddingMismatchException when the sizes differ
	 */
	public void verifyAtStartup(KnowledgeStore store) {
		if (store.vectorSpaces().isEmpty()) {
			return;
		}
		for (VectorSpace space : this.spaces.all()) {
			int produced;
			try {
				produced = space.embedder().dimensions();
			}
			catch (EmbeddingUnavailableException ex) {
				logger.warn("Could not check the embedding model against the {} index now ({}); ingestion will check it",
						store.kind(), ex.getMessage());
				continue;
			}
			check(store, space, produced);
		}
	}

	/**
	 * Checks vectors of one space about to be written.
	 * @throws EmbeddingMismatchException when their size differs from the index's
	 */
	public void check(KnowledgeStore store, VectorSpace space, int produced) {
		Integer stored = store.vectorSpaces().get(space.name());
		if (stored != null && stored != produced) {
			throw new EmbeddingMismatchException("The " + store.kind() + " knowledge base index holds "
					+ stored + "-dimension vectors in its " + space.name() + " vector space, but the embedding model "
					+ space.embedder().description() + " makes " + produced + "-dimension ones. Use the embedding "
					+ "model the index was built with (set deepseek.rag.embedding.provider back), or start on an "
					+ "empty index (another deepseek.rag.data-dir for Lucene, another deepseek.rag.elasticsearch.alias "
					+ "for Elasticsearch) and ingest the documents again.");
		}
	}

}
