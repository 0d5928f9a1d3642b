package io.github.deepseekspring.local.openai;

import java.util.Map;

import io.github.deepseekspring.local.chat.ChatMessage;
import io.github.deepseekspring.local.chat.ChatRequest;
import io.github.deepseekspring.local.chat.GenerateRequest;
import io.github.deepseekspring.local.chat.ToolCall;
import io.github.deepseekspring.local.chat.ToolSpec;
import io.github.deepseekspring.local.transport.WireJson;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds OpenAI-compatible request bodies. Ollama-style option names are translated ({@code num_predict} becomes
 * {@code max_tokens}); other options pass through as top-level fields, which vLLM and llama.cpp accept.
 */
final class OpenAiRequests {

	private OpenAiRequests() {
	}

	static ObjectNode chat(ChatRequest request, boolean stream) {
		ObjectNode body = WireJson.MAPPER.createObjectNode().put("model", request.model()).put("stream", stream);
		ArrayNode messages = body.putArray("messages");
		request.messages().forEach(message -> message(messages.addObject(), message));
		if (!request.tools().isEmpty()) {
			ArrayNode tools = body.putArray("tools");
			request.tools().forEach(tool -> tool(tools.addObject(), tool));
		}
		if ("json".equals(request.format())) {
			body.putObject("response_format").put("type", "json_object");
		}
		else if (request.format() != null) {
			ObjectNode schema = body.putObject("response_format").put("type", "json_schema").putObject("json_schema")
				.put("name", "response");
			schema.set("schema", WireJson.MAPPER.readTree(request.format()));
		}
		if (request.think() != null) {
			// Ollama's /v1 and recent vLLM read reasoning_effort; "none" turns reasoning off
			body.put("reasoning_effort", request.think() ? "medium" : "none");
		}
		if (stream) {
			body.putObject("stream_options").put("include_usage", true);
		}
		options(body, request.options());
		return body;
	}

	static ObjectNode completion(GenerateRequest request, boolean stream) {
		ObjectNode body = WireJson.MAPPER.createObjectNode().put("model", request.model())
			.put("prompt", request.system() == null ? request.prompt() : request.system() + "\n\n" + request.prompt())
			.put("stream", stream);
		if (request.suffix() != null) {
			body.put("suffix", request.suffix());
		}
		if (stream) {
			body.putObject("stream_options").put("include_usage", true);
		}
		options(body, request.options());
		return body;
	}

	private static void options(ObjectNode body, Map<String, Object> options) {
		options.forEach((name, value) -> {
			String field = "num_predict".equals(name) ? "max_tokens" : name;
			body.set(field, WireJson.MAPPER.valueToTree(value));
		});
	}

	private static void message(ObjectNode node, ChatMessage message) {
		String text = message.content() == null ? "" : message.content();
		node.put("role", message.role());
		if (message.images().isEmpty()) {
			node.put("content", text);
		}
		else {
			// vision models read the OpenAI content parts: the text, then each image as a data URL or link
			ArrayNode parts = node.putArray("content");
			if (!text.isEmpty()) {
				parts.addObject().put("type", "text").put("text", text);
			}
			message.images()
				.forEach(image -> parts.addObject().put("type", "image_url").putObject("image_url").put("url", image));
		}
		if ("tool".equals(message.role()) && message.toolName() != null) {
			node.put("tool_call_id", message.toolName()).put("name", message.toolName());
		}
		if (!message.toolCalls().isEmpty()) {
			ArrayNode calls = node.putArray("tool_calls");
			for (ToolCall call : message.toolCalls()) {
				calls.addObject().put("id", call.id()).put("type", "function").putObject("function")
					.put("name", call.name()).put("arguments", call.argumentsJson());
			}
		}
	}

	private static void tool(ObjectNode node, ToolSpec tool) {
		ObjectNode function = node.put("type", "function").putObject("function").put("name", tool.name())
			.put("description", tool.description());
		if (tool.parametersJsonSchema() != null) {
			function.set("parameters", WireJson.MAPPER.readTree(tool.parametersJsonSchema()));
		}
	}

}
