package io.github.deepseekspring.rag.store.elasticsearch;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.github.deepseekspring.rag.store.KnowledgeChunk;
import io.github.deepseekspring.rag.text.CjkBigramSegmenter;
import io.github.deepseekspring.rag.text.ProductCodes;

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
 * @param vectors      the chunk's vectors by vector space; empty when read back from a search
 */
public record ElasticsearchChunk(String chunkId, String documentId, int chunkIndex, String title, String headingPath,
        String text, String source, Integer page, String contentHash, String documentHash,
        Map<String, float[]> vectors) {

    public ElasticsearchChunk {
        Objects.requireNonNull(chunkId, "chunkId");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(text, "text");
        vectors = (vectors != null) ? Map.copyOf(vectors) : Map.of();
    }

    /** A chunk with one vector, of the {@code default} space (none when {@code embedding} is null). */
    public ElasticsearchChunk(String chunkId, String documentId, int chunkIndex, String title, String headingPath,
            String text, String source, Integer page, String contentHash, String documentHash, float[] embedding) {
        this(chunkId, documentId, chunkIndex, title, headingPath, text, source, page, contentHash, documentHash,
                (embedding != null) ? Map.of(KnowledgeChunk.DEFAULT_SPACE, embedding) : Map.of());
    }

    ChunkDocument toDocument() {
        String searchable = String.join("\n", nonNull(title), nonNull(headingPath), text);
        Map<String, float[]> others = new TreeMap<>(vectors);
        float[] embedding = others.remove(KnowledgeChunk.DEFAULT_SPACE);
        return new ChunkDocument(chunkId, documentId, chunkIndex, title, headingPath, text, source, page, contentHash,
                documentHash, CjkBigramSegmenter.segment(searchable), List.copyOf(ProductCodes.in(searchable)),
                embedding, others.isEmpty() ? null : others);
    }

    static ElasticsearchChunk from(ChunkDocument stored) {
        return new ElasticsearchChunk(stored.chunkId(), stored.documentId(), stored.chunkIndex(), stored.title(),
                stored.headingPath(), stored.text(), stored.source(), stored.page(), stored.contentHash(),
                stored.documentHash(), stored.vectors());
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
