package io.github.deepseekspring.rag.app.conversation;

import java.math.BigDecimal;

/**
 * Tokens and cost of one model call.
 *
 * @param promptTokens input tokens
 * @param completionTokens output tokens (reasoning included)
 * @param cacheHitTokens input tokens served from DeepSeek's context cache
 * @param cacheMissTokens input tokens not served from the cache
 * @param costCny cost in CNY as the starter prices it
 */
public record TokenUsage(long promptTokens, long completionTokens, long cacheHitTokens, long cacheMissTokens,
		BigDecimal costCny) {

}
