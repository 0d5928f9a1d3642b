package io.github.deepseekspring.rag.app.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.deepseekspring.model.chat.DeepSeekMetadata;
import io.github.deepseekspring.model.chat.DeepSeekUsage;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/**
 * Spring AI answers in OpenAI's wire format: a whole {@code chat.completion}, or a stream of
 * {@code chat.completion.chunk}s (one {@link Stream} per answer).
 */
final class CompletionTranslator {

	private CompletionTranslator() {
	}

	/** The {@code chat.completion} for a whole answer, its text passed through {@code answerText}. */
	static OpenAiWire.Completion completion(String id, long created, String model, ChatResponse response,
			AnswerText answerText) {
		Generation generation = response.getResult();
		AssistantMessage message = generation != null ? generation.getOutput() : null;
		List<OpenAiWire.ToolCall> calls = message != null ? toolCalls(message, false) : List.of();
		String text = message != null && message.getText() != null ? message.getText() : "";
		if (calls.isEmpty()) {
			text = answerText.whole(text);
		}
		String reasoning = message != null ? DeepSeekMetadata.reasoning(message).orElse(null) : null;
		OpenAiWire.Message wire = new OpenAiWire.Message("assistant",
				text.isEmpty() && !calls.isEmpty() ? null : text, reasoning, calls.isEmpty() ? null : calls, null);
		OpenAiWire.Logprobs logprobs = generation == null ? null
				: DeepSeekMetadata.logprobs(generation).map(OpenAiWire.Logprobs::of).orElse(null);
		OpenAiWire.Choice choice = new OpenAiWire.Choice(0, wire, logprobs, finishReason(generation, !calls.isEmpty()));
		return new OpenAiWire.Completion(id, "chat.completion", created, model, null, List.of(choice),
				usage(response));
	}

	static String finishReason(Generation generation, boolean toolCalls) {
		if (toolCalls) {
			return "tool_calls";
		}
		String reason = generation != null && generation.getMetadata() != null
				? generation.getMetadata().getFinishReason() : null;
		if (reason == null || reason.isBlank()) {
			return "stop";
		}
		reason = reason.toLowerCase(Locale.ROOT);
		return switch (reason) {
			case "length", "max_tokens" -> "length";
			case "content_filter", "tool_calls" -> reason;
			default -> "stop";
		};
	}

	static OpenAiWire.Usage usage(ChatResponse response) {
		var usage = response.getMetadata() != null ? response.getMetadata().getUsage() : null;
		if (usage instanceof DeepSeekUsage ds) {
			return new OpenAiWire.Usage(ds.promptTokens(), ds.completionTokens(), ds.promptTokens() + ds.completionTokens(),
					ds.cacheHitTokens(), ds.cacheMissTokens(),
					new OpenAiWire.CompletionTokensDetails(ds.reasoningTokens()));
		}
		if (usage == null || usage.getPromptTokens() == null || usage.getCompletionTokens() == null
				|| usage.getPromptTokens() + usage.getCompletionTokens() == 0) {
			return null;
		}
		return new OpenAiWire.Usage(usage.getPromptTokens(), usage.getCompletionTokens(),
				usage.getPromptTokens() + usage.getCompletionTokens(), null, null, null);
	}

	private static List<OpenAiWire.ToolCall> toolCalls(AssistantMessage message, boolean indexed) {
		List<OpenAiWire.ToolCall> calls = new ArrayList<>();
		if (message.hasToolCalls()) {
			for (AssistantMessage.ToolCall call : message.getToolCalls()) {
				calls.add(new OpenAiWire.ToolCall(indexed ? calls.size() : null, call.id(), "function",
						new OpenAiWire.Function(call.name(), call.arguments())));
			}
		}
		return calls;
	}

	/** The chunks of one streamed answer, in order. Not thread-safe: one per stream. */
	static final class Stream {

		private final String id;

		private final long created;

		private final String model;

		private boolean started;

		private boolean toolCalls;

		private String finishReason;

		private OpenAiWire.Usage usage;

		Stream(String id, long created, String model) {
			this.id = id;
			this.created = created;
			this.model = model;
		}

		/** The chunks for one piece of the answer (none when it adds nothing), its text passed through {@code answerText}. */
		List<OpenAiWire.Chunk> accept(ChatResponse response, AnswerText answerText) {
			List<OpenAiWire.Chunk> chunks = new ArrayList<>(2);
			OpenAiWire.Usage seen = usage(response);
			if (seen != null) {
				this.usage = seen;
			}
			Generation generation = response.getResult();
			if (generation == null || generation.getOutput() == null) {
				return chunks;
			}
			AssistantMessage message = generation.getOutput();
			String reasoning = DeepSeekMetadata.reasoningDelta(message).orElse(null);
			String text = message.getText() == null || message.getText().isEmpty() ? null
					: answerText.piece(message.getText());
			List<OpenAiWire.ToolCall> calls = toolCalls(message, true);
			if (reasoning != null) {
				chunks.add(chunk(new OpenAiWire.Delta(role(), null, reasoning, null), null));
			}
			if (text != null && !text.isEmpty()) {
				chunks.add(chunk(new OpenAiWire.Delta(role(), text, null, null), null,
						DeepSeekMetadata.logprobsDelta(generation).map(OpenAiWire.Logprobs::of).orElse(null)));
			}
			if (!calls.isEmpty()) {
				this.toolCalls = true;
				chunks.add(chunk(new OpenAiWire.Delta(role(), null, null, calls), null));
			}
			String reason = generation.getMetadata() != null ? generation.getMetadata().getFinishReason() : null;
			if (reason != null && !reason.isBlank()) {
				this.finishReason = finishReason(generation, this.toolCalls);
			}
			return chunks;
		}

		/** Text the answer ends with (held-back text, sources) as one more content chunk. */
		OpenAiWire.Chunk text(String text) {
			return chunk(new OpenAiWire.Delta(role(), text, null, null), null);
		}

		/** The closing chunks: the finish reason, then usage when asked for. */
		List<OpenAiWire.Chunk> finish(boolean includeUsage) {
			List<OpenAiWire.Chunk> chunks = new ArrayList<>(3);
			if (!this.started) {
				chunks.add(chunk(new OpenAiWire.Delta(role(), "", null, null), null));
			}
			String reason = this.toolCalls ? "tool_calls" : this.finishReason != null ? this.finishReason : "stop";
			chunks.add(chunk(OpenAiWire.Delta.EMPTY, reason));
			if (includeUsage) {
				OpenAiWire.Usage total = this.usage != null ? this.usage
						: new OpenAiWire.Usage(0, 0, 0, null, null, null);
				chunks.add(new OpenAiWire.Chunk(this.id, "chat.completion.chunk", this.created, this.model, null,
						List.of(), total));
			}
			return chunks;
		}

		private String role() {
			if (this.started) {
				return null;
			}
			this.started = true;
			return "assistant";
		}

		private OpenAiWire.Chunk chunk(OpenAiWire.Delta delta, String finishReason) {
			return chunk(delta, finishReason, null);
		}

		private OpenAiWire.Chunk chunk(OpenAiWire.Delta delta, String finishReason, OpenAiWire.Logprobs logprobs) {
			return new OpenAiWire.Chunk(this.id, "chat.completion.chunk", this.created, this.model, null,
					List.of(new OpenAiWire.ChunkChoice(0, delta, logprobs, finishReason)), null);
		}

	}

}
