package io.github.deepseekspring.rag.store.elasticsearch;

import io.github.deepseekspring.rag.text.CjkBigramSegmenter;
import io.github.deepseekspring.rag.text.ProductCodes;
import java.util.List;
import java.util.Objects;

/**
 * A chunk to store, or one read back (then without its embedding).
 *
 * @param chunkId      unique id of the chunk, stable across re-ingestion of the same content
 * @param documentId   the document the chunk belongs to
 * @param chunkIndex   position of the chunk in its document
 * @param title        the document's title
 * @param headingPath  the headings above the chunk, e.g. {@code 保修政策 > 保修期限}; may be {@code null}
 * @param text         the chunk's text
 * @param source       where the document came from (file name or URL); may be {@code null}
 * @param page         page number for paged formats; {@code null} otherwise
 * @param contentHash  hash of the chunk's text; may be {@code null}
 * @param documentHash hash of the whole document version, used to skip unchanged re-ingestion
 * @param embedding    the chunk's vector; {@code null} when read back from a search
 */
public record ElasticsearchChunk(String chunkId, String documentId, int chunkIndex, String title, String headingPath,
        String text, String source, Integer page, String contentHash, String documentHash, float[] embedding) {

    public ElasticsearchChunk {
        Objects.requireNonNull(chunkId, "chunkId");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(text, "text");
    }

    ChunkDocument toDocument() {
        String searchable = String.join("\n", nonNull(title), nonNull(headingPath), text);
        return new ChunkDocument(chunkId, documentId, chunkIndex, title, headingPath, text, source, page, contentHash,
                documentHash, CjkBigramSegmenter.segment(searchable), List.copyOf(ProductCodes.in(searchable)),
                embedding);
    }

    static ElasticsearchChunk from(ChunkDocument stored) {
        return new ElasticsearchChunk(stored.chunkId(), stored.documentId(), stored.chunkIndex(), stored.title(),
                stored.headingPath(), stored.text(), stored.source(), stored.page(), stored.contentHash(),
                stored.documentHash(), stored.embedding());
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
