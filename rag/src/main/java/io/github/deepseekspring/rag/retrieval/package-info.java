/**
 * Hybrid retrieval: {@link io.github.deepseekspring.rag.retrieval.HybridRetriever} runs BM25 and kNN over the same
 * chunks and fuses them in the application (the free Elasticsearch distribution has no {@code rrf} retriever);
 * {@link io.github.deepseekspring.rag.retrieval.KnowledgeBaseRetriever} offers it as Spring AI's
 * {@code DocumentRetriever}, each passage a {@code Document} with the
 * {@link io.github.deepseekspring.rag.retrieval.KnowledgeMetadata} citations need.
 */
package io.github.deepseekspring.rag.retrieval;
