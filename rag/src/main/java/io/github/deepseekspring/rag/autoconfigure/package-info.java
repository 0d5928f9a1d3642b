/**
 * Spring Boot auto-configuration of the knowledge base: store, embeddings, ingestion, retrieval and evaluation, all
 * configured by {@link io.github.deepseekspring.rag.autoconfigure.KnowledgeBaseProperties} ({@code deepseek.rag.*}),
 * every bean replaceable by the application's own.
 */
package io.github.deepseekspring.rag.autoconfigure;
