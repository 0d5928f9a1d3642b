package io.github.deepseekspring.local.chat;

import java.util.List;

/**
 * A whole chat answer.
 * @param content the answer without reasoning
 * @param thinking the reasoning (from the {@code thinking} field or split out of {@code <think>…</think>}), or empty
 * @param toolCalls tools the model wants called
 * @param model the model that answered
 * @param doneReason {@code stop}, {@code length}, …
 * @param promptTokens prompt token count
 * @param completionTokens generated token count
 * @param endpoint the endpoint that served it
 */
public record LocalChatResponse(String content, String thinking, List<ToolCall> toolCalls, String model,
		String doneReason, int promptTokens, int completionTokens, String endpoint) {

	public LocalChatResponse {
		toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
	}

}
