package io.github.deepseekspring.model.local;

import io.github.deepseekspring.local.chat.ThinkTagSplitter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.deepseekspring.model.chat.DeepSeekMetadata;
import io.github.deepseekspring.model.chat.DeepSeekUsage;
import io.github.deepseekspring.model.cost.PriceTable;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/**
 * Builds Spring AI responses from a local runtime's output, in the same shape as the remote backend's: reasoning
 * (from a separate thinking field or inline {@code <think>} tags) under {@link DeepSeekMetadata#REASONING_DELTA} per
 * chunk and whole under {@link DeepSeekMetadata#REASONING_CONTENT} in the last chunk, with tool calls and usage. One
 * instance per answer.
 */
final class LocalReplyAssembler {

	private final ThinkTagSplitter splitter = new ThinkTagSplitter();

	private final StringBuilder reasoning = new StringBuilder();

	private final List<AssistantMessage.ToolCall> toolCalls = new ArrayList<>();

	private final PriceTable prices;

	private String model;

	private boolean answerStarted;

	LocalReplyAssembler(PriceTable prices, String model) {
		this.prices = prices;
		this.model = model;
	}

	/** The chunk to pass on for one piece of streamed output, or {@code null} if it carries nothing yet. */
	ChatResponse delta(String content, String thinking, List<AssistantMessage.ToolCall> calls) {
		if (calls != null) {
			this.toolCalls.addAll(calls);
		}
		ThinkTagSplitter.Split split = this.splitter.feed(content == null ? "" : content);
		String thought = (thinking == null ? "" : thinking) + split.thinking();
		this.reasoning.append(thought);
		return chunk(answerText(split.content()), thought);
	}

	/** The closing chunk: held-back text, complete reasoning, tool calls and usage. */
	ChatResponse finish(String modelName, String finishReason, int promptTokens, int completionTokens) {
		if (modelName != null) {
			this.model = modelName;
		}
		ThinkTagSplitter.Split tail = this.splitter.finish();
		this.reasoning.append(tail.thinking());
		return response(answerText(tail.content()), this.reasoning.toString().strip(), List.copyOf(this.toolCalls),
				this.toolCalls.isEmpty() ? finishReason : "tool_calls", usage(promptTokens, completionTokens));
	}

	/** A whole non-streamed answer. */
	ChatResponse whole(String modelName, String content, String thinking, List<AssistantMessage.ToolCall> calls,
			String finishReason, int promptTokens, int completionTokens) {
		if (modelName != null) {
			this.model = modelName;
		}
		ThinkTagSplitter.Split split = ThinkTagSplitter.splitWhole(content == null ? "" : content);
		String thought = thinking != null && !thinking.isBlank() ? thinking.strip() : split.thinking();
		List<AssistantMessage.ToolCall> all = calls == null ? List.of() : calls;
		return response(split.content().strip(), thought.strip(), all, all.isEmpty() ? finishReason : "tool_calls",
				usage(promptTokens, completionTokens));
	}

	/** The blank lines R1 writes between {@code </think>} and the answer are not part of the answer. */
	private String answerText(String text) {
		if (this.answerStarted || text.isEmpty()) {
			return text;
		}
		String stripped = this.reasoning.length() > 0 ? text.stripLeading() : text;
		this.answerStarted = !stripped.isEmpty();
		return stripped;
	}

	private ChatResponse chunk(String text, String thought) {
		if (text.isEmpty() && thought.isEmpty()) {
			return null;
		}
		AssistantMessage message = AssistantMessage.builder()
			.content(text)
			.properties(thought.isEmpty() ? Map.of() : Map.of(DeepSeekMetadata.REASONING_DELTA, thought))
			.build();
		return new ChatResponse(List.of(new Generation(message)), ChatResponseMetadata.builder().model(this.model).build());
	}

	private DeepSeekUsage usage(int promptTokens, int completionTokens) {
		BigDecimal cost = this.prices.localCost(promptTokens, completionTokens);
		return new DeepSeekUsage(promptTokens, completionTokens, 0, promptTokens, 0, cost, null);
	}

	private ChatResponse response(String text, String thought, List<AssistantMessage.ToolCall> calls,
			String finishReason, DeepSeekUsage usage) {
		Map<String, Object> properties = new HashMap<>();
		properties.put(DeepSeekMetadata.BACKEND, "local");
		if (!thought.isEmpty()) {
			properties.put(DeepSeekMetadata.REASONING_CONTENT, thought);
		}
		properties.put(DeepSeekMetadata.CACHE_HIT_TOKENS, 0L);
		properties.put(DeepSeekMetadata.CACHE_MISS_TOKENS, usage.cacheMissTokens());
		properties.put(DeepSeekMetadata.COST_CNY, usage.costCny());
		AssistantMessage message = AssistantMessage.builder().content(text).properties(properties).toolCalls(calls).build();
		ChatGenerationMetadata.Builder generation = ChatGenerationMetadata.builder().finishReason(finishReason);
		if (!thought.isEmpty()) {
			generation.metadata(DeepSeekMetadata.REASONING_CONTENT, thought);
		}
		return new ChatResponse(List.of(new Generation(message, generation.build())),
				ChatResponseMetadata.builder()
					.model(this.model)
					.usage(usage)
					.keyValue(DeepSeekMetadata.COST_CNY, usage.costCny())
					.keyValue(DeepSeekMetadata.BACKEND, "local")
					.build());
	}

}
