package io.github.deepseekspring.local.ollama;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Ollama's native JSON shapes (snake_case on the wire through the shared mapper). */
final class OllamaWire {

	private OllamaWire() {
	}

	record ChatBody(String model, List<Message> messages, List<Tool> tools, JsonNode format, Map<String, Object> options,
			boolean stream, Boolean think, String keepAlive) {
	}

	record Message(String role, String content, String thinking, List<Call> toolCalls, String toolName,
			List<String> images) {
	}

	record Tool(String type, Function function) {
	}

	record Function(String name, String description, JsonNode parameters) {
	}

	record Call(CallFunction function) {
	}

	record CallFunction(Integer index, String name, JsonNode arguments) {
	}

	record ChatReply(String model, Message message, boolean done, String doneReason, int promptEvalCount,
			int evalCount, String error) {
	}

	record GenerateBody(String model, String prompt, String suffix, String system, Boolean raw, boolean stream,
			Map<String, Object> options, String keepAlive) {
	}

	record GenerateReply(String model, String response, String thinking, boolean done, String doneReason,
			int promptEvalCount, int evalCount, String error) {
	}

	record EmbedBody(String model, List<String> input) {
	}

	record EmbedReply(String model, List<float[]> embeddings, int promptEvalCount) {
	}

	record Tags(List<Tag> models) {
	}

	record Tag(String name, long size, String digest, Details details) {
	}

	record Details(String family, String parameterSize, String quantizationLevel) {
	}

	record ShowReply(Details details, JsonNode modelInfo, List<String> capabilities) {
	}

	record ModelName(String model) {
	}

	record PullBody(String model, boolean stream) {
	}

	record PullLine(String status, String digest, long total, long completed, String error) {
	}

	record Ps(List<Loaded> models) {
	}

	record Loaded(String name, long size, long sizeVram, String expiresAt, Integer contextLength) {
	}

	record Version(String version) {
	}

}
