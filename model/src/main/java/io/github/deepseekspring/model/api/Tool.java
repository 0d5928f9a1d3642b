package io.github.deepseekspring.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

/** A function tool offered to the model; {@code parameters} is a JSON schema kept as raw JSON text. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tool(String type, Function function) {

	public static Tool function(String name, String description, String parametersJsonSchema) {
		return new Tool("function", new Function(name, description, parametersJsonSchema));
	}

	/** Name, description and JSON-schema parameters of a function tool. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Function(String name, String description, @JsonRawValue String parameters) {
	}

}
