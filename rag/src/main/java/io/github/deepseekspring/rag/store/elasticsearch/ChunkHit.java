package io.github.deepseekspring.rag.store.elasticsearch;

/** A chunk found by one Elasticsearch query, with that query's score and whether it holds a code the query names. */
record ChunkHit(ChunkDocument chunk, double score, boolean exactCodeMatch) {
}
