package io.github.deepseekspring.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

/** A function tool offered to the model; {@code parameters} is a JSON schema kept as raw JSON text. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tool(String type, Function function) {

	public static Tool function(String name, String description, String parametersJsonSchema) {
		return new Tool("function", new Function(name, description, parametersJsonSchema, null));
	}

	/** A function whose arguments the model must match to its schema exactly (strict mode, beta endpoint only). */
	public static Tool strictFunction(String name, String description, String parametersJsonSchema) {
		return new Tool("function", new Function(name, description, parametersJsonSchema, true));
	}

	/** Whether this is a strict function. */
	public boolean strict() {
		return this.function != null && Boolean.TRUE.equals(this.function.strict());
	}

	/**
	 * Name, description and JSON-schema parameters of a function tool.
	 * @param strict {@code true} for strict mode (DeepSeek beta): the schema must be closed, the arguments match it
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Function(String name, String description, @JsonRawValue String parameters, Boolean strict) {
	}

}
