/**
 * From files to chunks: {@link io.github.deepseekspring.rag.ingest.DocumentParser} reads Markdown, HTML, PDF and text
 * into titled sections, {@link io.github.deepseekspring.rag.ingest.Chunker} cuts them at sentence ends (Chinese
 * {@code 。！？；} included) with overlap and heading context, and
 * {@link io.github.deepseekspring.rag.ingest.IngestionService} embeds and stores them, skipping unchanged content and
 * replacing changed documents atomically. {@link io.github.deepseekspring.rag.ingest.WatchedFolder} keeps a folder in
 * step with the knowledge base.
 */
package io.github.deepseekspring.rag.ingest;
