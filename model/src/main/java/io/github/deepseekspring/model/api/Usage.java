package io.github.deepseekspring.model.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Token usage, including DeepSeek's context-cache split and the reasoning share of the completion. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Usage(@JsonProperty("prompt_tokens") int promptTokens,
		@JsonProperty("completion_tokens") int completionTokens, @JsonProperty("total_tokens") int totalTokens,
		@JsonProperty("prompt_cache_hit_tokens") int promptCacheHitTokens,
		@JsonProperty("prompt_cache_miss_tokens") int promptCacheMissTokens,
		@JsonProperty("completion_tokens_details") CompletionTokensDetails completionTokensDetails) {

	/** Reasoning tokens of the completion (0 when not reported). */
	public int reasoningTokens() {
		return completionTokensDetails == null ? 0 : completionTokensDetails.reasoningTokens();
	}

	/** Breakdown of completion tokens. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record CompletionTokensDetails(@JsonProperty("reasoning_tokens") int reasoningTokens) {
	}

}
