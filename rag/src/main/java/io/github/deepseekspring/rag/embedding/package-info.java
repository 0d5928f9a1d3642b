/**
 * Text to vectors for kNN retrieval. {@link io.github.deepseekspring.rag.embedding.Embedder} embeds passages and
 * queries apart (retrieval models want an instruction before a query);
 * {@link io.github.deepseekspring.rag.embedding.EmbeddingModelEmbedder} adapts any Spring AI {@code EmbeddingModel},
 * and {@link io.github.deepseekspring.rag.embedding.OnnxEmbeddingModel} is the bundled offline model (nothing is
 * downloaded at run time).
 */
package io.github.deepseekspring.rag.embedding;
