package io.github.deepseekspring.model.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One {@code data:} event of a streamed chat completion; the last one carries {@code usage}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChatCompletionChunk(String id, String object, Long created, String model, List<Choice> choices,
		Usage usage) {

	/** The streamed part of a choice. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Choice(Integer index, ChatMessage delta, @JsonProperty("finish_reason") String finishReason,
			Logprobs logprobs) {
	}

}
