package io.github.deepseekspring.local.chat;

import java.util.List;

/**
 * One message of a conversation.
 * @param role system, user, assistant or tool
 * @param content the text
 * @param toolCalls calls the assistant made (assistant messages only)
 * @param toolName the tool whose result this is (tool messages only)
 * @param images images of a user message, for vision models: {@code data:} URLs (base64), or http(s) links where
 * the runtime fetches them (OpenAI-compatible runtimes such as vLLM; Ollama's native API takes data only)
 */
public record ChatMessage(String role, String content, List<ToolCall> toolCalls, String toolName, List<String> images) {

	public ChatMessage {
		toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
		images = images == null ? List.of() : List.copyOf(images);
	}

	public static ChatMessage system(String content) {
		return new ChatMessage("system", content, null, null, null);
	}

	public static ChatMessage user(String content) {
		return new ChatMessage("user", content, null, null, null);
	}

	/** A user message with images ({@code data:} URLs or http(s) links). */
	public static ChatMessage user(String content, List<String> images) {
		return new ChatMessage("user", content, null, null, images);
	}

	public static ChatMessage assistant(String content, List<ToolCall> toolCalls) {
		return new ChatMessage("assistant", content, toolCalls, null, null);
	}

	public static ChatMessage tool(String toolName, String result) {
		return new ChatMessage("tool", result, null, toolName, null);
	}

}
