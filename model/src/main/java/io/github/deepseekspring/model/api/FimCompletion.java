package io.github.deepseekspring.model.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer of {@code POST /beta/completions}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FimCompletion(String id, String model, List<Choice> choices, Usage usage) {

	/** The infilled text. */
	public String text() {
		return choices == null || choices.isEmpty() || choices.get(0).text() == null ? "" : choices.get(0).text();
	}

	/** One completion choice. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Choice(Integer index, String text, @JsonProperty("finish_reason") String finishReason) {
	}

}
