package io.github.deepseekspring.local.chat;

/**
 * A call of a tool the model asked for.
 * @param id the call id (OpenAI-compatible runtimes; synthesized for Ollama, which has none)
 * @param name the tool name
 * @param argumentsJson the arguments as a JSON object text
 */
public record ToolCall(String id, String name, String argumentsJson) {
}
