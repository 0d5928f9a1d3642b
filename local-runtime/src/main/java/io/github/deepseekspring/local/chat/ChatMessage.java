package io.github.deepseekspring.local.chat;

import java.util.List;

/**
 * One message of a conversation.
 * @param role system, user, assistant or tool
 * @param content the text
 * @param toolCalls calls the assistant made (assistant messages only)
 * @param toolName the tool whose result this is (tool messages only)
 */
public record ChatMessage(String role, String content, List<ToolCall> toolCalls, String toolName) {

	public ChatMessage {
		toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
	}

	public static ChatMessage system(String content) {
		return new ChatMessage("system", content, null, null);
	}

	public static ChatMessage user(String content) {
		return new ChatMessage("user", content, null, null);
	}

	public static ChatMessage assistant(String content, List<ToolCall> toolCalls) {
		return new ChatMessage("assistant", content, toolCalls, null);
	}

	public static ChatMessage tool(String toolName, String result) {
		return new ChatMessage("tool", result, null, toolName);
	}

}
