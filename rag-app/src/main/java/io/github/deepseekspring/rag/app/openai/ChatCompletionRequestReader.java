package io.github.deepseekspring.rag.app.openai;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.deepseekspring.model.api.ChatCompletionRequest.ResponseFormat;
import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.model.chat.DeepSeekMetadata;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import tools.jackson.databind.JsonNode;

/**
 * Reads an OpenAI chat completions request body into Spring AI messages and DeepSeek options. Tools are declared to
 * the model but never run here: their calls go back to the client, which sends the results in the next request.
 */
final class ChatCompletionRequestReader {

	private ChatCompletionRequestReader() {
	}

	/** The request; {@link OpenAiException} (400) when it is not a valid chat completions request. */
	static FacadeRequest read(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw OpenAiException.invalid(null, "The request body must be a JSON object.");
		}
		String model = text(body, "model");
		if (model == null || model.isBlank()) {
			throw OpenAiException.invalid("model", "you must provide a model parameter");
		}
		UnsupportedParameters.refuseChoicesAndEcho(body);
		JsonNode messages = body.path("messages");
		if (!messages.isArray() || messages.isEmpty()) {
			throw OpenAiException.invalid("messages", "'messages' must be a non-empty array.");
		}
		List<Message> conversation = new ArrayList<>();
		Map<String, String> toolNames = new HashMap<>();
		for (int i = 0; i < messages.size(); i++) {
			conversation.add(message(messages.get(i), i, toolNames));
		}
		boolean stream = body.path("stream").asBoolean(false);
		boolean includeUsage = body.path("stream_options").path("include_usage").asBoolean(false);
		return new FacadeRequest(model, conversation, options(body, model), stream, includeUsage);
	}

	private static Message message(JsonNode node, int i, Map<String, String> toolNames) {
		String param = "messages[" + i + "]";
		String role = text(node, "role");
		if (role == null) {
			throw OpenAiException.invalid(param + ".role", "Missing required parameter: '" + param + ".role'.");
		}
		MessageContent parts = MessageContent.read(node.path("content"), param, "user".equals(role));
		String content = parts.text();
		return switch (role) {
			case "system", "developer" -> new SystemMessage(content);
			case "user" -> UserMessage.builder().text(content).media(parts.images()).build();
			case "assistant" -> assistant(node, content, param, toolNames);
			case "tool" -> {
				String id = text(node, "tool_call_id");
				if (id == null) {
					throw OpenAiException.invalid(param + ".tool_call_id",
							"Missing required parameter: '" + param + ".tool_call_id'.");
				}
				yield ToolResponseMessage.builder()
					.responses(List.of(new ToolResponseMessage.ToolResponse(id, toolNames.getOrDefault(id, ""),
							content)))
					.build();
			}
			default -> throw OpenAiException.invalid(param + ".role", "Invalid value: '" + role
					+ "'. Supported values are: 'system', 'developer', 'user', 'assistant' and 'tool'.");
		};
	}

	private static AssistantMessage assistant(JsonNode node, String content, String param,
			Map<String, String> toolNames) {
		List<AssistantMessage.ToolCall> calls = new ArrayList<>();
		for (JsonNode call : node.path("tool_calls")) {
			JsonNode function = call.path("function");
			String id = text(call, "id");
			String name = text(function, "name");
			if (id == null || name == null) {
				throw OpenAiException.invalid(param + ".tool_calls", "Each tool call needs an id and a function name.");
			}
			toolNames.put(id, name);
			calls.add(new AssistantMessage.ToolCall(id, "function", name, orEmpty(text(function, "arguments"))));
		}
		Map<String, Object> properties = new HashMap<>();
		String reasoning = text(node, "reasoning_content");
		if (reasoning != null) {
			properties.put(DeepSeekMetadata.REASONING_CONTENT, reasoning);
		}
		if (node.path("prefix").asBoolean(false)) {
			properties.put(DeepSeekMetadata.PREFIX, true);
		}
		return AssistantMessage.builder().content(content).toolCalls(calls).properties(properties).build();
	}

	private static DeepSeekChatOptions options(JsonNode body, String model) {
		DeepSeekChatOptions.Builder options = DeepSeekChatOptions.builder().model(model);
		JsonNode maxTokens = body.has("max_completion_tokens") ? body.get("max_completion_tokens")
				: body.get("max_tokens");
		if (maxTokens != null && !maxTokens.isNull()) {
			if (!maxTokens.canConvertToInt() || maxTokens.asInt() < 1) {
				throw OpenAiException.invalid("max_tokens", "max_tokens must be a positive integer.");
			}
			options.maxTokens(maxTokens.asInt());
		}
		number(body, "temperature").ifPresent(options::temperature);
		number(body, "top_p").ifPresent(options::topP);
		number(body, "frequency_penalty").ifPresent(options::frequencyPenalty);
		number(body, "presence_penalty").ifPresent(options::presencePenalty);
		JsonNode stop = body.path("stop");
		if (stop.isString()) {
			options.stopSequences(List.of(stop.asString()));
		}
		else if (stop.isArray()) {
			List<String> stops = new ArrayList<>();
			stop.forEach((s) -> stops.add(s.asString()));
			options.stopSequences(stops);
		}
		String thinking = text(body.path("thinking"), "type");
		if (thinking != null) {
			options.thinking("enabled".equals(thinking));
		}
		String effort = text(body, "reasoning_effort");
		if (effort != null) {
			options.reasoningEffort(effort);
		}
		logprobs(body, options);
		String format = text(body.path("response_format"), "type");
		if (format != null) {
			options.responseFormat(new ResponseFormat(format));
		}
		List<ToolCallback> tools = tools(body.path("tools"));
		if (!tools.isEmpty()) {
			options.toolCallbacks(tools);
			JsonNode choice = body.get("tool_choice");
			if (choice != null && !choice.isNull()) {
				options.toolChoice(choice.isString() ? choice.asString() : choice);
			}
		}
		return options.build();
	}

	/** {@code logprobs} (a boolean) and {@code top_logprobs} (0 to 20, with {@code logprobs}), as OpenAI checks them. */
	private static void logprobs(JsonNode body, DeepSeekChatOptions.Builder options) {
		JsonNode logprobs = body.get("logprobs");
		if (logprobs != null && !logprobs.isNull() && !logprobs.isBoolean()) {
			throw OpenAiException.invalid("logprobs", "logprobs must be a boolean.");
		}
		boolean asked = logprobs != null && logprobs.asBoolean(false);
		JsonNode top = body.get("top_logprobs");
		if (top != null && !top.isNull()) {
			if (!top.canConvertToInt() || top.asInt() < 0 || top.asInt() > 20) {
				throw OpenAiException.invalid("top_logprobs", "top_logprobs must be an integer from 0 to 20.");
			}
			if (!asked) {
				throw OpenAiException.invalid("top_logprobs", "logprobs must be true when top_logprobs is set.");
			}
			options.topLogprobs(top.asInt());
		}
		if (asked) {
			options.logprobs(true);
		}
	}

	private static List<ToolCallback> tools(JsonNode tools) {
		List<ToolCallback> callbacks = new ArrayList<>();
		for (JsonNode tool : tools) {
			JsonNode function = tool.path("function");
			String name = text(function, "name");
			if (!"function".equals(text(tool, "type")) || name == null) {
				throw OpenAiException.invalid("tools", "Each tool must be {\"type\":\"function\",\"function\":{\"name\":…}}.");
			}
			JsonNode parameters = function.path("parameters");
			String schema = parameters.isObject() ? parameters.toString() : "{\"type\":\"object\",\"properties\":{}}";
			callbacks.add(new DeclaredTool(ToolDefinition.builder()
				.name(name)
				.description(orEmpty(text(function, "description")))
				.inputSchema(schema)
				.build()));
		}
		return callbacks;
	}

	private static java.util.Optional<Double> number(JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			return java.util.Optional.empty();
		}
		if (!value.isNumber()) {
			throw OpenAiException.invalid(field, field + " must be a number.");
		}
		return java.util.Optional.of(value.asDouble());
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value != null && value.isString() ? value.asString() : null;
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}

	/** A tool the client declared and runs itself: the model may call it, this server never does. */
	private record DeclaredTool(ToolDefinition definition) implements ToolCallback {

		@Override
		public ToolDefinition getToolDefinition() {
			return this.definition;
		}

		@Override
		public String call(String arguments) {
			throw new UnsupportedOperationException(
					"Tool " + this.definition.name() + " is run by the API client, not by the server");
		}

	}

}
