package io.github.deepseekspring.model.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Token usage, including DeepSeek's context-cache split and the reasoning share of the completion. Read tolerantly:
 * servers that speak DeepSeek's protocol send different subsets (gateways only the three basic counts, OpenAI-style
 * servers the cache hits as {@code prompt_tokens_details.cached_tokens}, SGLang the reasoning tokens at the top), and
 * none of them may fail a call. Counts a server left out are resolved when the answer is read: the cache hits from
 * DeepSeek's field, else OpenAI's, else 0; the misses from DeepSeek's field, else the prompt tokens that were not
 * hits; the total from the field, else prompt plus completion.
 *
 * @param promptTokens input tokens
 * @param completionTokens output tokens, reasoning included
 * @param totalTokens input plus output
 * @param promptCacheHitTokens input tokens served from the context cache
 * @param promptCacheMissTokens input tokens not served from the cache
 * @param reasoningTokens the reasoning share of the completion
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Usage(int promptTokens, int completionTokens, int totalTokens, int promptCacheHitTokens,
		int promptCacheMissTokens, int reasoningTokens) {

	/** Reads a usage object; every count is optional. */
	@JsonCreator
	static Usage read(@JsonProperty("prompt_tokens") Integer promptTokens,
			@JsonProperty("completion_tokens") Integer completionTokens,
			@JsonProperty("total_tokens") Integer totalTokens,
			@JsonProperty("prompt_cache_hit_tokens") Integer promptCacheHitTokens,
			@JsonProperty("prompt_cache_miss_tokens") Integer promptCacheMissTokens,
			@JsonProperty("prompt_tokens_details") TokenDetails promptTokensDetails,
			@JsonProperty("completion_tokens_details") TokenDetails completionTokensDetails,
			@JsonProperty("reasoning_tokens") Integer reasoningTokens) {
		int prompt = orZero(promptTokens);
		int completion = orZero(completionTokens);
		int hits = promptCacheHitTokens != null ? promptCacheHitTokens
				: orZero(promptTokensDetails == null ? null : promptTokensDetails.cachedTokens());
		int misses = promptCacheMissTokens != null ? promptCacheMissTokens : Math.max(0, prompt - hits);
		int reasoning = completionTokensDetails != null && completionTokensDetails.reasoningTokens() != null
				? completionTokensDetails.reasoningTokens() : orZero(reasoningTokens);
		return new Usage(prompt, completion, totalTokens != null ? totalTokens : prompt + completion, hits, misses,
				reasoning);
	}

	private static int orZero(Integer count) {
		return (count != null) ? count : 0;
	}

	/** {@code prompt_tokens_details} and {@code completion_tokens_details}, whichever counts they carry. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record TokenDetails(@JsonProperty("cached_tokens") Integer cachedTokens,
			@JsonProperty("reasoning_tokens") Integer reasoningTokens) {
	}

}
