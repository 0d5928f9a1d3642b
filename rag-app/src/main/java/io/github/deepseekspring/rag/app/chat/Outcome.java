package io.github.deepseekspring.rag.app.chat;

import java.util.List;

import io.github.deepseekspring.rag.app.cache.CacheHit;
import io.github.deepseekspring.rag.app.conversation.TokenUsage;

/**
 * How a turn was answered.
 *
 * @param mode how the answer was produced
 * @param modelText the answer as the model said it (or would have), kept for later prompts
 * @param answer the answer the customer sees, citations renumbered
 * @param cited the turn's passage numbers (1-based) cited, in the order of their numbers in the answer
 * @param reasoning the model's reasoning, or null
 * @param usage tokens and cost of the model call, or null
 * @param cached the cache entry the answer was served from, or null
 */
record Outcome(ChatMode mode, String modelText, String answer, List<Integer> cited, String reasoning,
		TokenUsage usage, CacheHit cached) {

	Outcome(ChatMode mode, String modelText, String answer, List<Integer> cited, String reasoning, TokenUsage usage) {
		this(mode, modelText, answer, cited, reasoning, usage, null);
	}

}
