package io.github.deepseekspring.model.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.github.deepseekspring.model.api.ChatCompletionChunk;
import io.github.deepseekspring.model.api.ChatMessage;
import io.github.deepseekspring.model.api.Logprobs;
import io.github.deepseekspring.model.api.ToolCall;
import io.github.deepseekspring.model.api.Usage;
import io.github.deepseekspring.model.chat.DeepSeekMetadata;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/**
 * State of one streamed answer. Text and reasoning pieces are passed on as they come; tool-call fragments (id and
 * name once, arguments in pieces, keyed by index) and usage are collected and emitted whole in one last chunk, which
 * also carries the complete reasoning and log probabilities, so aggregators end with the complete turn. One instance
 * per stream.
 */
final class StreamAccumulator {

	private final StringBuilder reasoning = new StringBuilder();

	private final Map<Integer, ToolCallBuilder> toolCalls = new TreeMap<>();

	// only when the request asked for log probabilities
	private List<Logprobs.TokenLogprob> logprobs;

	private final RemoteResponseMapper.CostCalculator costs;

	private String id;

	private String model;

	private String finishReason;

	private Usage usage;

	// shared by the token chunks of this stream (same id and model): one metadata object per token was a tenth of
	// what a stream allocates
	private ChatResponseMetadata tokenMetadata;

	private String tokenMetadataId;

	private String tokenMetadataModel;

	/** @param requestedModel the model asked for, which stands in until the server names one */
	StreamAccumulator(RemoteResponseMapper.CostCalculator costs, String requestedModel) {
		this.costs = costs;
		this.model = requestedModel;
	}

	/** The chunk to pass on for this wire chunk, or {@code null} when it carries nothing for the caller yet. */
	ChatResponse accept(ChatCompletionChunk chunk) {
		if (chunk.id() != null) {
			this.id = chunk.id();
		}
		if (chunk.model() != null) {
			this.model = chunk.model();
		}
		if (chunk.usage() != null) {
			this.usage = chunk.usage();
		}
		if (chunk.choices() == null || chunk.choices().isEmpty()) {
			return null;
		}
		ChatCompletionChunk.Choice choice = chunk.choices().get(0);
		if (choice.finishReason() != null) {
			this.finishReason = choice.finishReason();
		}
		Logprobs tokenLogprobs = choice.logprobs();
		if (tokenLogprobs != null) {
			if (this.logprobs == null) {
				this.logprobs = new ArrayList<>();
			}
			this.logprobs.addAll(tokenLogprobs.content());
		}
		ChatMessage delta = choice.delta();
		if (delta == null) {
			return null;
		}
		if (delta.toolCalls() != null) {
			for (ToolCall part : delta.toolCalls()) {
				int index = part.index() == null ? this.toolCalls.size() : part.index();
				this.toolCalls.computeIfAbsent(index, i -> new ToolCallBuilder()).add(part);
			}
		}
		String text = delta.content();
		String thought = delta.reasoningContent();
		boolean hasText = text != null && !text.isEmpty();
		boolean hasThought = thought != null && !thought.isEmpty();
		if (!hasText && !hasThought) {
			return null;
		}
		if (hasThought) {
			this.reasoning.append(thought);
		}
		AssistantMessage message = AssistantMessage.builder()
			.content(hasText ? text : "")
			.properties(hasThought ? Map.of(DeepSeekMetadata.REASONING_DELTA, thought) : Map.of())
			.build();
		Generation generation = (tokenLogprobs == null) ? new Generation(message) : new Generation(message,
				ChatGenerationMetadata.builder().metadata(DeepSeekMetadata.LOGPROBS_DELTA, tokenLogprobs).build());
		return new ChatResponse(List.of(generation), tokenMetadata());
	}

	private ChatResponseMetadata tokenMetadata() {
		if (this.tokenMetadata == null || !Objects.equals(this.tokenMetadataId, this.id)
				|| !Objects.equals(this.tokenMetadataModel, this.model)) {
			this.tokenMetadata = ChatResponseMetadata.builder().id(this.id).model(this.model).build();
			this.tokenMetadataId = this.id;
			this.tokenMetadataModel = this.model;
		}
		return this.tokenMetadata;
	}

	/** The closing chunk: complete reasoning, assembled tool calls, finish reason and usage. */
	ChatResponse finish() {
		List<AssistantMessage.ToolCall> calls = new ArrayList<>(this.toolCalls.size());
		this.toolCalls.values().forEach(b -> calls.add(b.build()));
		return RemoteResponseMapper.response(this.id, this.model, "", this.reasoning.toString(), calls,
				this.finishReason, this.logprobs == null ? null : new Logprobs(this.logprobs, null),
				this.costs.usage(this.model, this.usage));
	}

	private static final class ToolCallBuilder {

		private String id;

		private String name;

		private final StringBuilder arguments = new StringBuilder();

		void add(ToolCall part) {
			if (part.id() != null) {
				this.id = part.id();
			}
			if (part.function() != null) {
				if (part.function().name() != null) {
					this.name = part.function().name();
				}
				if (part.function().arguments() != null) {
					this.arguments.append(part.function().arguments());
				}
			}
		}

		AssistantMessage.ToolCall build() {
			return new AssistantMessage.ToolCall(this.id, "function", this.name, this.arguments.toString());
		}

	}

}
