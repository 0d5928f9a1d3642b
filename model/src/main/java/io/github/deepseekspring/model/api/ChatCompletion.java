package io.github.deepseekspring.model.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;


/** Non-streamed answer of {@code POST /chat/completions}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatCompletion(String id, String object, Long created, String model, List<Choice> choices,
		Usage usage, @JsonProperty("system_fingerprint") String systemFingerprint) {

	/** One choice; DeepSeek always returns exactly one. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Choice(Integer index, ChatMessage message, @JsonProperty("finish_reason") String finishReason,
			Logprobs logprobs) {
	}

}
