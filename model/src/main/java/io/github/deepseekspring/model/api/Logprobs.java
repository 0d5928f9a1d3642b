package io.github.deepseekspring.model.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A choice's {@code logprobs}: the log probability of each output token, with the most likely alternatives at each
 * position when {@code top_logprobs} asked for them.
 *
 * @param content the answer's tokens
 * @param reasoningContent the reasoning's tokens, when the server sends them
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Logprobs(List<TokenLogprob> content,
		@JsonProperty("reasoning_content") List<TokenLogprob> reasoningContent) {

	public Logprobs {
		content = (content != null) ? List.copyOf(content) : List.of();
		reasoningContent = (reasoningContent != null) ? List.copyOf(reasoningContent) : List.of();
	}

	/**
	 * One output token.
	 *
	 * @param token the token text
	 * @param logprob its log probability
	 * @param bytes its UTF-8 bytes (a token may end inside a character), or null
	 * @param topLogprobs the most likely tokens at this position, most likely first
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record TokenLogprob(String token, Double logprob, List<Integer> bytes,
			@JsonProperty("top_logprobs") List<TopLogprob> topLogprobs) {

		public TokenLogprob {
			topLogprobs = (topLogprobs != null) ? List.copyOf(topLogprobs) : List.of();
		}

	}

	/**
	 * One of the most likely tokens at a position.
	 *
	 * @param token the token text
	 * @param logprob its log probability
	 * @param bytes its UTF-8 bytes, or null
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record TopLogprob(String token, Double logprob, List<Integer> bytes) {
	}

}
