package io.github.deepseekspring.model.chat;

import java.math.BigDecimal;

import org.springframework.ai.chat.metadata.Usage;

/**
 * Usage of one request with DeepSeek's cache split, reasoning tokens and the computed cost in CNY.
 */
public record DeepSeekUsage(int promptTokens, int completionTokens, long cacheHitTokens, long cacheMissTokens,
		long reasoningTokens, BigDecimal costCny, Object nativeUsage) implements Usage {

	@Override
	public Integer getPromptTokens() {
		return this.promptTokens;
	}

	@Override
	public Integer getCompletionTokens() {
		return this.completionTokens;
	}

	@Override
	public Object getNativeUsage() {
		return this.nativeUsage;
	}

	/** Spring AI's name for cache-hit input tokens. */
	@Override
	public Long getCacheReadInputTokens() {
		return this.cacheHitTokens;
	}

}
