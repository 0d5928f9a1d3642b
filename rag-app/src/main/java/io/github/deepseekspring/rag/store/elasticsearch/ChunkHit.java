package io.github.deepseekspring.rag.store.elasticsearch;

/** A chunk found by one Elasticsearch query, with that query's score. */
record ChunkHit(ChunkDocument chunk, double score) {
}
