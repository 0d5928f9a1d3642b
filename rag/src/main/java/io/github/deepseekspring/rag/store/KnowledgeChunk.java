package io.github.deepseekspring.rag.store;

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
 * @param embedding the chunk's vector; null when read back from a search
 */
public record KnowledgeChunk(String chunkId, String documentId, int chunkIndex, String title, String headingPath,
		String text, String source, Integer page, String contentHash, String documentHash, float[] embedding) {

	public KnowledgeChunk {
		Objects.requireNonNull(chunkId, "chunkId");
		Objects.requireNonNull(documentId, "documentId");
		Objects.requireNonNull(text, "text");
	}

	/** The same chunk without its vector, as searches return it. */
	public KnowledgeChunk withoutEmbedding() {
		return new KnowledgeChunk(this.chunkId, this.documentId, this.chunkIndex, this.title, this.headingPath,
				this.text, this.source, this.page, this.contentHash, this.documentHash, null);
	}

}
