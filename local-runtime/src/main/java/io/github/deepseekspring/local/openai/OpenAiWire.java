package io.github.deepseekspring.local.openai;

import java.util.List;

/** The OpenAI-compatible JSON shapes the client reads (snake_case through the shared mapper). */
final class OpenAiWire {

	private OpenAiWire() {
	}

	record Completion(String model, List<Choice> choices, Usage usage) {
	}

	record Choice(Integer index, Message message, Message delta, String text, String finishReason) {
	}

	record Message(String role, String content, String reasoningContent, String reasoning, List<Call> toolCalls) {

		String reasoningText() {
			return reasoningContent != null ? reasoningContent : reasoning == null ? "" : reasoning;
		}

	}

	record Call(Integer index, String id, String type, CallFunction function) {
	}

	record CallFunction(String name, String arguments) {
	}

	record Usage(int promptTokens, int completionTokens) {
	}

	record Models(List<ModelEntry> data) {
	}

	record ModelEntry(String id, String ownedBy) {
	}

	record EmbeddingReply(String model, List<EmbeddingEntry> data, Usage usage) {
	}

	record EmbeddingEntry(int index, float[] embedding) {
	}

}
