package io.github.deepseekspring.local.chat;

import java.util.List;

/**
 * Embedding vectors, one per input, in input order.
 * @param model model
 * @param vectors the vectors
 * @param promptTokens input tokens, 0 when the runtime does not say
 */
public record Embeddings(String model, List<float[]> vectors, int promptTokens) {
}
