package io.github.deepseekspring.rag.app.chat;

import java.math.BigDecimal;

import io.github.deepseekspring.model.chat.DeepSeekMetadata;
import io.github.deepseekspring.model.chat.DeepSeekUsage;
import io.github.deepseekspring.rag.app.conversation.TokenUsage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;

/** Tokens and cost of a model response, from the starter's {@link DeepSeekUsage} where it has one. */
final class ModelUsage {

	private ModelUsage() {
	}

	/** @return the usage, or null when the response carries none */
	static TokenUsage of(ChatResponse response) {
		ChatResponseMetadata metadata = (response != null) ? response.getMetadata() : null;
		Usage usage = (metadata != null) ? metadata.getUsage() : null;
		if (usage == null || usage.getPromptTokens() == null || usage.getPromptTokens() == 0) {
			return null;
		}
		if (usage instanceof DeepSeekUsage deepseek) {
			return new TokenUsage(deepseek.promptTokens(), deepseek.completionTokens(), deepseek.cacheHitTokens(),
					deepseek.cacheMissTokens(), (deepseek.costCny() != null) ? deepseek.costCny() : BigDecimal.ZERO);
		}
		long prompt = usage.getPromptTokens();
		long hit = (usage.getCacheReadInputTokens() != null) ? usage.getCacheReadInputTokens() : 0;
		BigDecimal cost = (metadata.get(DeepSeekMetadata.COST_CNY) instanceof BigDecimal value) ? value : BigDecimal.ZERO;
		return new TokenUsage(prompt, (usage.getCompletionTokens() != null) ? usage.getCompletionTokens() : 0, hit,
				prompt - hit, cost);
	}

}
