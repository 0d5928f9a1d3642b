package io.github.deepseekspring.model.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST /beta/completions}: fill in the middle between {@code prompt} and {@code suffix}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FimRequest(String model, String prompt, String suffix, @JsonProperty("max_tokens") Integer maxTokens,
		Double temperature, List<String> stop, Boolean stream) {
}
