package io.github.deepseekspring.rag.store;

/**
 * A chunk found by one search mode, with that mode's score (BM25, or the vector similarity). Scores of different
 * modes are not comparable, which is why hybrid retrieval fuses ranks.
 *
 * @param exactCodeMatch whether the chunk contains a product or error code named in the query (keyword search)
 */
public record StoreHit(KnowledgeChunk chunk, double score, boolean exactCodeMatch) {

}
