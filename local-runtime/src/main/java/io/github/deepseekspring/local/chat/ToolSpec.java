package io.github.deepseekspring.local.chat;

/**
 * A tool the model may call.
 * @param name function name
 * @param description what it does, for the model
 * @param parametersJsonSchema JSON schema of the arguments object
 */
public record ToolSpec(String name, String description, String parametersJsonSchema) {
}
