package io.github.deepseekspring.model.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A tool call made by the model. In stream deltas only {@code index} is always present; {@code id}, {@code type} and
 * the function name arrive once and the arguments arrive in fragments.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ToolCall(Integer index, String id, String type, Function function) {

	public static ToolCall of(String id, String name, String arguments) {
		return new ToolCall(null, id, "function", new Function(name, arguments));
	}

	/** The function the model wants called, with its JSON arguments as text. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Function(String name, String arguments) {
	}

}
