package io.github.deepseekspring.model.completion;

/**
 * The text to insert between a prefix and a suffix.
 *
 * @param text the infill
 * @param model the model that produced it
 * @param backend "remote" or "local"
 * @param promptTokens input tokens (0 when unknown)
 * @param completionTokens output tokens (0 when unknown)
 */
public record CodeCompletion(String text, String model, String backend, int promptTokens, int completionTokens) {
}
