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

	/** Number of stored chunks that hold a vector of the space; fewer than {@link #chunkCount()} while one is added. */
	long vectorCount(String space);

	/** Best chunks by BM25, exact product/error code matches first. */
	List<StoreHit> keywordSearch(String query, int limit);

	/** Chunks nearest to the query vector in one vector space (vectors of one embedding model). */
	List<StoreHit> vectorSearch(String space, float[] queryVector, int limit);

	/** Chunks nearest to the query vector in the {@value KnowledgeChunk#DEFAULT_SPACE} space. */
	default List<StoreHit> vectorSearch(float[] queryVector, int limit) {
		return vectorSearch(KnowledgeChunk.DEFAULT_SPACE, queryVector, limit);
	}

	/**
	 * The vector spaces the store holds vectors of or its index is mapped for, with their sizes; empty while it has
	 * none. An embedding model of another size cannot be used with a space.
	 */
	Map<String, Integer> vectorSpaces();

	/** The size of the {@value KnowledgeChunk#DEFAULT_SPACE} space's vectors; empty while the store has none. */
	default OptionalInt vectorDimensions() {
		Integer dimensions = vectorSpaces().get(KnowledgeChunk.DEFAULT_SPACE);
		return (dimensions != null) ? OptionalInt.of(dimensions) : OptionalInt.empty();
	}

	/** The stored chunks of a document, in order and without their vectors (to embed them again). */
	List<KnowledgeChunk> chunks(String documentId);

	/** A short name for logs and status pages: {@code lucene} or {@code elasticsearch}. */
	String kind();

	/** Releases the store's resources; it cannot be used afterwards. */
	@Override
	void close();

}
