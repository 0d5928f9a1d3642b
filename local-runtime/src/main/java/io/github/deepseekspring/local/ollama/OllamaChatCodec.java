package io.github.deepseekspring.local.ollama;

import java.util.ArrayList;
import java.util.List;

import io.github.deepseekspring.local.BadRequestException;
import io.github.deepseekspring.local.chat.ChatMessage;
import io.github.deepseekspring.local.chat.ChatRequest;
import io.github.deepseekspring.local.chat.ToolCall;
import io.github.deepseekspring.local.chat.ToolSpec;
import io.github.deepseekspring.local.ollama.OllamaWire.Call;
import io.github.deepseekspring.local.ollama.OllamaWire.CallFunction;
import io.github.deepseekspring.local.ollama.OllamaWire.ChatBody;
import io.github.deepseekspring.local.ollama.OllamaWire.Message;
import io.github.deepseekspring.local.transport.WireJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/** Translates the client's chat types to and from Ollama's. */
final class OllamaChatCodec {

	private OllamaChatCodec() {
	}

	static ChatBody body(ChatRequest request, boolean stream) {
		List<Message> messages = request.messages().stream().map(OllamaChatCodec::message).toList();
		List<OllamaWire.Tool> tools = request.tools().isEmpty() ? null
				: request.tools().stream().map(OllamaChatCodec::tool).toList();
		return new ChatBody(request.model(), messages, tools, format(request.format()),
				request.options().isEmpty() ? null : request.options(), stream, request.think(), request.keepAlive());
	}

	/** {@code "json"} stays a string; anything else must be a JSON schema. */
	static JsonNode format(String format) {
		if (format == null) {
			return null;
		}
		return "json".equals(format) ? StringNode.valueOf(format) : WireJson.MAPPER.readTree(format);
	}

	static List<ToolCall> toolCalls(Message message) {
		if (message == null || message.toolCalls() == null) {
			return List.of();
		}
		List<ToolCall> calls = new ArrayList<>();
		for (Call call : message.toolCalls()) {
			CallFunction function = call.function();
			int index = function.index() != null ? function.index() : calls.size();
			String arguments = function.arguments() == null ? "{}" : WireJson.MAPPER.writeValueAsString(function.arguments());
			calls.add(new ToolCall("call_" + index, function.name(), arguments));
		}
		return calls;
	}

	private static Message message(ChatMessage message) {
		List<Call> calls = message.toolCalls().isEmpty() ? null : message.toolCalls().stream()
			.map(call -> new Call(new CallFunction(null, call.name(), WireJson.MAPPER.readTree(call.argumentsJson()))))
			.toList();
		return new Message(message.role(), message.content() == null ? "" : message.content(), null, calls,
				message.toolName(), images(message.images()));
	}

	/** Ollama takes images as bare base64 data; it fetches no links. */
	private static List<String> images(List<String> images) {
		if (images.isEmpty()) {
			return null;
		}
		List<String> data = new ArrayList<>(images.size());
		for (String image : images) {
			int comma = image.indexOf(',');
			if (!image.startsWith("data:") || comma < 0) {
				throw new BadRequestException("Ollama's native API takes images as data, not links: "
						+ (image.length() > 80 ? image.substring(0, 80) + "…" : image));
			}
			data.add(image.substring(comma + 1));
		}
		return data;
	}

	private static OllamaWire.Tool tool(ToolSpec spec) {
		JsonNode parameters = spec.parametersJsonSchema() == null ? null
				: WireJson.MAPPER.readTree(spec.parametersJsonSchema());
		return new OllamaWire.Tool("function", new OllamaWire.Function(spec.name(), spec.description(), parameters));
	}

}
