package io.github.deepseekspring.rag.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where the knowledge base lives: Elasticsearch or an embedded Lucene index. Both keep the same guarantees, checked
 * by one contract test suite: replacing a document's chunks is atomic for searchers (never both versions, never
 * neither), keyword search ranks exact product/error code matches first, vector search is by cosine similarity.
 * Fusion of the two searches is the caller's job. Closing a store releases what it holds (index files and locks,
 * connections); the application context closes its store on shutdown.
 */
public interface KnowledgeStore extends AutoCloseable {

	/** Replaces all chunks of one document (empty list: deletes it), atomically. */
	void replaceDocument(String documentId, List<KnowledgeChunk> chunks);

	/**
	 * Replaces the chunks of several documents (an empty list deletes one) in one write where the store can: one
	 * commit, one bulk request. Each document switches atomically; the batch becomes searchable together.
	 */
	default void replaceDocuments(Map<String, List<KnowledgeChunk>> chunksByDocument) {
		chunksByDocument.forEach(this::replaceDocument);
	}

	/** Removes every chunk of the document. */
	default void deleteDocument(String documentId) {
		replaceDocument(documentId, List.of());
	}

	/** The hash of the stored version of a document, to skip re-ingesting unchanged content. */
	Optional<String> documentHash(String documentId);

	/** The stored documents. */
	List<StoredDocument> documents();

	/** Number of stored chunks. */
	long chunkCount();

	/** Best chunks by BM25, exact product/error code matches first. */
	List<StoreHit> keywordSearch(String query, int limit);

	/** Chunks nearest to the query vector. */
	List<StoreHit> vectorSearch(float[] queryVector, int limit);

	/**
	 * The size of the vectors the store already holds or its index is mapped for; empty while it has none. An
	 * embedding model of another size cannot be used with this index.
	 */
	OptionalInt vectorDimensions();

	/** A short name for logs and status pages: {@code lucene} or {@code elasticsearch}. */
	String kind();

	/** Releases the store's resources; it cannot be used afterwards. */
	@Override
	void close();

}
