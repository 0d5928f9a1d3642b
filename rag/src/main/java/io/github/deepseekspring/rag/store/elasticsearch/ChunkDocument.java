package io.github.deepseekspring.rag.store.elasticsearch;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.deepseekspring.rag.store.KnowledgeChunk;
import io.github.deepseekspring.rag.text.CjkBigramSegmenter;
import io.github.deepseekspring.rag.text.ProductCodes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One chunk as stored in Elasticsearch. {@code searchText} and {@code codes} are derived by the
 * app (see {@link CjkBigramSegmenter}, {@link ProductCodes}); the rest is what was ingested.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChunkDocument(
        @JsonProperty(ChunkFields.CHUNK_ID) String chunkId,
        @JsonProperty(ChunkFields.DOCUMENT_ID) String documentId,
        @JsonProperty(ChunkFields.CHUNK_INDEX) int chunkIndex,
        @JsonProperty(ChunkFields.TITLE) String title,
        @JsonProperty(ChunkFields.HEADING_PATH) String headingPath,
        @JsonProperty(ChunkFields.TEXT) String text,
        @JsonProperty(ChunkFields.SOURCE) String source,
        @JsonProperty(ChunkFields.PAGE) Integer page,
        @JsonProperty(ChunkFields.CONTENT_HASH) String contentHash,
        @JsonProperty(ChunkFields.DOCUMENT_HASH) String documentHash,
        @JsonProperty(ChunkFields.SEARCH_TEXT) String searchText,
        @JsonProperty(ChunkFields.CODES) List<String> codes,
        @JsonProperty(ChunkFields.EMBEDDING) float[] embedding,
        @JsonProperty(ChunkFields.EMBEDDINGS) Map<String, float[]> embeddings) {

    /** Every vector of the chunk by space, the {@code default} one included. */
    Map<String, float[]> vectors() {
        Map<String, float[]> vectors = new TreeMap<>();
        if (embeddings != null) {
            vectors.putAll(embeddings);
        }
        if (embedding != null) {
            vectors.put(KnowledgeChunk.DEFAULT_SPACE, embedding);
        }
        return vectors;
    }
}
