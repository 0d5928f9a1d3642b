/**
 * A simulator of an Ollama server: the native API under {@code /api/*} (NDJSON streaming, thinking, tools, FIM via
 * {@code suffix}, embeddings, model management) and the OpenAI-compatible API under {@code /v1/*}.
 */
package io.github.deepseekspring.testkit.ollama;
