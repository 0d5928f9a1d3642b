package io.github.deepseekspring.local.chat;

import java.util.List;

/**
 * A piece of a streamed chat answer; the last one has {@code done} and the token counts.
 * @param content answer text of this piece (never null)
 * @param thinking reasoning text of this piece (never null)
 * @param toolCalls tool calls carried by this piece
 * @param done whether this is the last piece
 * @param model the model
 * @param doneReason on the last piece
 * @param promptTokens on the last piece
 * @param completionTokens on the last piece
 */
public record LocalChatChunk(String content, String thinking, List<ToolCall> toolCalls, boolean done, String model,
		String doneReason, int promptTokens, int completionTokens) {

	public LocalChatChunk {
		content = content == null ? "" : content;
		thinking = thinking == null ? "" : thinking;
		toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
	}

	/** Whether it carries nothing a caller would show (a held-back partial tag, an empty keep-alive). */
	public boolean isEmpty() {
		return !done && content.isEmpty() && thinking.isEmpty() && toolCalls.isEmpty();
	}

}
