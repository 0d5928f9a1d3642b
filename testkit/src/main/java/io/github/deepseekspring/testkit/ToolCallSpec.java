package io.github.deepseekspring.testkit;

import java.util.Objects;

/**
 * One function call a simulator answers with, as part of a {@link ScriptedReply#toolCalls(ToolCallSpec...)} reply.
 *
 * @param name          the function name, as declared by the request's {@code tools}
 * @param argumentsJson the arguments as a JSON object text, sent verbatim (DeepSeek/OpenAI send a string,
 *                      Ollama a JSON object)
 */
public record ToolCallSpec(String name, String argumentsJson) {

    public ToolCallSpec {
        Objects.requireNonNull(name, "name");
        argumentsJson = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson;
    }

    /**
     * A call of {@code name} with the given arguments.
     *
     * @param name          function name
     * @param argumentsJson arguments as JSON object text, e.g. {@code {"city":"Hangzhou"}}
     * @return the spec
     */
    public static ToolCallSpec of(String name, String argumentsJson) {
        return new ToolCallSpec(name, argumentsJson);
    }
}
