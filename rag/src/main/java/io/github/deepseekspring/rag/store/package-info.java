/**
 * Where chunks live: {@link io.github.deepseekspring.rag.store.KnowledgeStore}, implemented on Elasticsearch
 * ({@code store.elasticsearch}) and on an embedded Lucene index ({@code store.lucene}) with the same guarantees,
 * checked by one contract test suite.
 */
package io.github.deepseekspring.rag.store;
