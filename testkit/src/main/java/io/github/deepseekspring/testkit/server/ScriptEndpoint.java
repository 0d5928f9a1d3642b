package io.github.deepseekspring.testkit.server;

import java.util.ArrayList;
import java.util.List;

import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.ToolCallSpec;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /__script}: scripts answers over HTTP, so clients in other languages can run a tool loop against a
 * standalone simulator. The body is one script, an array of them, or {@code {"clear": true}}; a script is
 * <pre>{@code
 * {"match": "weather",                                   // text the last user message contains
 *  "text": "Sunny.",                                     // a text answer, or:
 *  "toolCalls": [{"name": "weather", "arguments": {"city": "Hangzhou"}}],
 *  "thenText": "It is sunny in Hangzhou.",               // the answer once the tool results are in
 *  "reasoning": "I should call the weather tool.",       // optional, thinking mode
 *  "promptTokens": 12, "completionTokens": 7}            // optional usage overrides
 * }</pre>
 * As with {@code onUserMessage}, the most recently added matching script wins.
 */
final class ScriptEndpoint {

    private final ReplyScripts scripts;

    ScriptEndpoint(ReplyScripts scripts) {
        this.scripts = scripts;
    }

    /**
     * Applies a body.
     *
     * @return how many scripts were added
     * @throws IllegalArgumentException naming what is wrong with the body
     */
    int apply(JsonNode body) {
        if (body.isObject() && body.path("clear").asBoolean(false)) {
            scripts.clear();
            return 0;
        }
        List<JsonNode> specs = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(specs::add);
        } else if (body.isObject()) {
            specs.add(body);
        } else {
            throw new IllegalArgumentException("the body must be a script object, an array of them, or {\"clear\":true}");
        }
        List<ScriptedReply> replies = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            replies.add(reply(specs.get(i), body.isArray() ? "[" + i + "]" : "script"));
        }
        for (int i = 0; i < specs.size(); i++) {
            scripts.add(Json.string(specs.get(i), "match"), replies.get(i));
        }
        return specs.size();
    }

    private static ScriptedReply reply(JsonNode spec, String where) {
        if (Json.string(spec, "match") == null) {
            throw new IllegalArgumentException(where + ": \"match\" (the text the user message contains) is required");
        }
        JsonNode calls = spec.path("toolCalls");
        String text = Json.string(spec, "text");
        if (calls.isMissingNode() == (text == null)) {
            throw new IllegalArgumentException(where + ": give either \"text\" or \"toolCalls\"");
        }
        ScriptedReply reply = text != null ? ScriptedReply.text(text) : ScriptedReply.toolCalls(toolCalls(calls, where));
        if (Json.string(spec, "thenText") != null) {
            reply = reply.thenText(Json.string(spec, "thenText"));
        }
        if (Json.string(spec, "reasoning") != null) {
            reply = reply.withReasoning(Json.string(spec, "reasoning"));
        }
        if (spec.path("promptTokens").canConvertToInt()) {
            reply = reply.withPromptTokens(spec.path("promptTokens").asInt());
        }
        if (spec.path("completionTokens").canConvertToInt()) {
            reply = reply.withCompletionTokens(spec.path("completionTokens").asInt());
        }
        return reply;
    }

    private static ToolCallSpec[] toolCalls(JsonNode calls, String where) {
        if (!calls.isArray() || calls.isEmpty()) {
            throw new IllegalArgumentException(where + ": \"toolCalls\" must be a non-empty array");
        }
        List<ToolCallSpec> specs = new ArrayList<>();
        for (JsonNode call : calls) {
            String name = Json.string(call, "name");
            if (name == null) {
                throw new IllegalArgumentException(where + ": each tool call needs a \"name\"");
            }
            JsonNode arguments = call.path("arguments");
            String json = arguments.isString() ? arguments.asString() : arguments.isObject() ? Json.write(arguments) : "{}";
            specs.add(ToolCallSpec.of(name, json));
        }
        return specs.toArray(ToolCallSpec[]::new);
    }
}
