package io.github.deepseekspring.model.remote;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.deepseekspring.model.api.ChatCompletion;
import io.github.deepseekspring.model.api.ChatMessage;
import io.github.deepseekspring.model.api.DeepSeekProtocolException;
import io.github.deepseekspring.model.api.Logprobs;
import io.github.deepseekspring.model.api.Usage;
import io.github.deepseekspring.model.chat.DeepSeekMetadata;
import io.github.deepseekspring.model.chat.DeepSeekUsage;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/** Turns wire answers into Spring AI {@link ChatResponse}s with reasoning, tool calls, usage and cost. */
final class RemoteResponseMapper {

	private RemoteResponseMapper() {
	}

	/** The response; {@code requestedModel} stands in for a model the server did not name. */
	static ChatResponse toChatResponse(ChatCompletion completion, CostCalculator costs, String requestedModel) {
		if (completion.choices() == null || completion.choices().isEmpty()) {
			throw new DeepSeekProtocolException("choices", "the answer has no choices");
		}
		ChatCompletion.Choice choice = completion.choices().get(0);
		ChatMessage message = choice.message();
		if (message == null) {
			throw new DeepSeekProtocolException("choices[0].message", "the choice has no message");
		}
		List<AssistantMessage.ToolCall> toolCalls = message.toolCalls() == null ? List.of()
				: message.toolCalls()
					.stream()
					.map(c -> new AssistantMessage.ToolCall(c.id(), "function", c.function().name(),
							c.function().arguments()))
					.toList();
		String model = completion.model() != null ? completion.model() : requestedModel;
		DeepSeekUsage usage = costs.usage(model, completion.usage());
		return response(completion.id(), model, message.content(), message.reasoningContent(), toolCalls,
				choice.finishReason(), choice.logprobs(), usage);
	}

	static ChatResponse response(String id, String model, String content, String reasoning,
			List<AssistantMessage.ToolCall> toolCalls, String finishReason, Logprobs logprobs, DeepSeekUsage usage) {
		Map<String, Object> properties = new HashMap<>();
		properties.put(DeepSeekMetadata.BACKEND, "remote");
		if (reasoning != null && !reasoning.isEmpty()) {
			properties.put(DeepSeekMetadata.REASONING_CONTENT, reasoning);
		}
		ChatResponseMetadata.Builder metadata = ChatResponseMetadata.builder().id(id).model(model);
		if (usage != null) {
			usageProperties(usage).forEach(properties::put);
			metadata.usage(usage);
			usageProperties(usage).forEach(metadata::keyValue);
		}
		AssistantMessage assistant = AssistantMessage.builder()
			.content(content == null ? "" : content)
			.properties(properties)
			.toolCalls(toolCalls)
			.build();
		ChatGenerationMetadata.Builder generation = ChatGenerationMetadata.builder().finishReason(finishReason);
		if (reasoning != null && !reasoning.isEmpty()) {
			generation.metadata(DeepSeekMetadata.REASONING_CONTENT, reasoning);
		}
		if (logprobs != null) {
			generation.metadata(DeepSeekMetadata.LOGPROBS, logprobs);
		}
		return new ChatResponse(List.of(new Generation(assistant, generation.build())), metadata.build());
	}

	static Map<String, Object> usageProperties(DeepSeekUsage usage) {
		Map<String, Object> values = new HashMap<>();
		values.put(DeepSeekMetadata.CACHE_HIT_TOKENS, usage.cacheHitTokens());
		values.put(DeepSeekMetadata.CACHE_MISS_TOKENS, usage.cacheMissTokens());
		values.put(DeepSeekMetadata.REASONING_TOKENS, usage.reasoningTokens());
		values.put(DeepSeekMetadata.COST_CNY, usage.costCny());
		return values;
	}

	/** Prices a wire usage record. */
	interface CostCalculator {

		BigDecimal cost(String model, Usage usage);

		default DeepSeekUsage usage(String model, Usage usage) {
			if (usage == null) {
				return null;
			}
			return new DeepSeekUsage(usage.promptTokens(), usage.completionTokens(), usage.promptCacheHitTokens(),
					usage.promptCacheMissTokens(), usage.reasoningTokens(), cost(model, usage), usage);
		}

	}

}
