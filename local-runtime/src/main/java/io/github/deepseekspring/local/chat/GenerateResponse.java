package io.github.deepseekspring.local.chat;

/**
 * A whole completion.
 * @param response generated text without reasoning
 * @param thinking reasoning, or empty
 * @param model model
 * @param doneReason stop, length, …
 * @param promptTokens prompt tokens
 * @param completionTokens generated tokens
 * @param endpoint endpoint that served it
 */
public record GenerateResponse(String response, String thinking, String model, String doneReason, int promptTokens,
		int completionTokens, String endpoint) {
}
