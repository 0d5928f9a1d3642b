package io.github.deepseekspring.rag.store.elasticsearch;

/**
 * A chunk found by one search, with that search's score (BM25, or cosine-based for kNN; scores of
 * different searches are not comparable, which is why hybrid retrieval fuses ranks, not scores).
 *
 * @param exactCodeMatch whether the chunk contains a product or error code named in the query (keyword
 *                       search only), so fusion can keep exact code matches first
 */
public record ElasticsearchHit(ElasticsearchChunk chunk, double score, boolean exactCodeMatch) {
}
