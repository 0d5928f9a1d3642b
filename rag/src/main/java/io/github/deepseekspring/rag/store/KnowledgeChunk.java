package io.github.deepseekspring.rag.store;

import java.util.Map;
import java.util.Objects;

/**
 * One chunk of a document as the knowledge base stores it.
 *
 * @param chunkId unique id of the chunk, stable across re-ingestion of the same content
 * @param documentId the document the chunk belongs to
 * @param chunkIndex position of the chunk in its document
 * @param title the document's title
 * @param headingPath the headings above the chunk, e.g. {@code 保修政策 > 保修期限}; may be null
 * @param text the chunk's text
 * @param source where the document came from (file name or URL); may be null
 * @param page page number for paged formats (PDF); null otherwise
 * @param contentHash hash of the chunk's text
 * @param documentHash hash of the whole document version, to skip unchanged re-ingestion
 * @param vectors the chunk's vectors by vector space (one embedding model each, {@value #DEFAULT_SPACE} first);
 * empty when read back from a search
 */
public record KnowledgeChunk(String chunkId, String documentId, int chunkIndex, String title, String headingPath,
		String text, String source, Integer page, String contentHash, String documentHash,
		Map<String, float[]> vectors) {

	/** The vector space every store has: the knowledge base's primary embedding model. */
	public static final String DEFAULT_SPACE = "default";

	public KnowledgeChunk {
		Objects.requireNonNull(chunkId, "chunkId");
		Objects.requireNonNull(documentId, "documentId");
		Objects.requireNonNull(text, "text");
		vectors = (vectors != null) ? Map.copyOf(vectors) : Map.of();
	}

	/** A chunk with one vector, of the {@value #DEFAULT_SPACE} space (none when {@code embedding} is null). */
	public KnowledgeChunk(String chunkId, String documentId, int chunkIndex, String title, String headingPath,
			String text, String source, Integer page, String contentHash, String documentHash, float[] embedding) {
		this(chunkId, documentId, chunkIndex, title, headingPath, text, source, page, contentHash, documentHash,
				(embedding != null) ? Map.of(DEFAULT_SPACE, embedding) : Map.of());
	}

	/** The vector of the {@value #DEFAULT_SPACE} space, or null. */
	public float[] embedding() {
		return this.vectors.get(DEFAULT_SPACE);
	}

	/** The same chunk without its vectors, as searches return it. */
	public KnowledgeChunk withoutEmbedding() {
		return withVectors(Map.of());
	}

	/** The same chunk with other vectors. */
	public KnowledgeChunk withVectors(Map<String, float[]> vectors) {
		return new KnowledgeChunk(this.chunkId, this.documentId, this.chunkIndex, this.title, this.headingPath,
				this.text, this.source, this.page, this.contentHash, this.documentHash, vectors);
	}

}
