/**
 * A knowledge base for Spring AI applications: {@link io.github.deepseekspring.rag.KnowledgeBase} takes Markdown,
 * HTML, PDF and text documents (files, resources, Spring AI {@code Document}s), and the knowledge base answers
 * searches through {@link io.github.deepseekspring.rag.retrieval.KnowledgeBaseRetriever}, a Spring AI
 * {@code DocumentRetriever} doing hybrid BM25 + kNN retrieval on Elasticsearch or an embedded Lucene index.
 *
 * <p>With Spring Boot, {@code deepseek-rag-spring-boot-starter} configures all of it
 * ({@link io.github.deepseekspring.rag.autoconfigure.RagAutoConfiguration}, properties under {@code deepseek.rag}).
 */
package io.github.deepseekspring.rag;
