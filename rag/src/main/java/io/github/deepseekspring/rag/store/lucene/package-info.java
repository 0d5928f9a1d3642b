/**
 * The knowledge base in an embedded Lucene index on disk, so an application runs with no services: application-side
 * CJK segmentation for BM25, an exact keyword field for product and error codes, HNSW vectors with cosine similarity.
 */
package io.github.deepseekspring.rag.store.lucene;
