package io.github.deepseekspring.testkit.deepseek;

import java.util.HashSet;
import java.util.Set;

import io.github.deepseekspring.testkit.server.ApiError;
import io.github.deepseekspring.testkit.server.Json;
import tools.jackson.databind.JsonNode;

/**
 * Strict mode (beta): on the {@code /beta} base URL a function marked {@code strict} must have a closed schema, every
 * object listing all its properties in {@code required} and setting {@code additionalProperties: false}; otherwise
 * the API refuses the request. Off the beta URL the flag is not honoured.
 */
final class StrictTools {

    private StrictTools() {
    }

    static void check(JsonNode tools) {
        for (JsonNode tool : tools) {
            JsonNode function = tool.path("function");
            if (function.path("strict").asBoolean(false)) {
                checkClosed(function.path("parameters"), Json.string(function, "name"), "parameters");
            }
        }
    }

    private static void checkClosed(JsonNode schema, String function, String where) {
        if (schema.isObject() && schema.has("properties")) {
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(name -> required.add(name.asString("")));
            for (String property : schema.path("properties").propertyNames()) {
                if (!required.contains(property)) {
                    throw invalid(function, where + ": property '" + property + "' must be required in strict mode");
                }
            }
            if (!schema.has("additionalProperties") || schema.path("additionalProperties").asBoolean(true)) {
                throw invalid(function, where + ": additionalProperties must be false in strict mode");
            }
            schema.path("properties").properties()
                    .forEach(entry -> checkClosed(entry.getValue(), function, where + "." + entry.getKey()));
        }
        if (schema.has("items")) {
            checkClosed(schema.path("items"), function, where + ".items");
        }
    }

    private static ApiError invalid(String function, String problem) {
        return new ApiError(400, "Invalid schema for function '" + function + "': " + problem);
    }
}
