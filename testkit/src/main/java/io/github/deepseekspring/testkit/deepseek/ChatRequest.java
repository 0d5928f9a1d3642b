package io.github.deepseekspring.testkit.deepseek;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.deepseekspring.testkit.SimulatedTokenizer;
import io.github.deepseekspring.testkit.server.ApiError;
import io.github.deepseekspring.testkit.server.Json;
import io.github.deepseekspring.testkit.server.PlannedReply.Conversation;
import tools.jackson.databind.JsonNode;

/**
 * A validated {@code /chat/completions} request. Validation follows the real API: a body that does not fit the
 * schema is 422 ("Failed to deserialize the JSON body…"), a wrong value is 400.
 */
record ChatRequest(String model, boolean stream, boolean includeUsage, boolean thinking, Integer maxTokens,
        Conversation conversation, List<String> promptTokens, Integer topLogprobs) {

    static final int MAX_TOP_LOGPROBS = 20;

    static final int MAX_OUTPUT_TOKENS = 393_216;
    private static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool");
    static final String PASS_BACK_MESSAGE = "The `reasoning_content` in the thinking mode must be passed back to the API.";

    static ChatRequest parse(JsonNode body, Set<String> models, Set<String> visionModels, boolean beta) {
        if (!body.isObject()) {
            throw schema("invalid type: expected struct ChatCompletionRequest");
        }
        JsonNode messages = required(body, "messages", "");
        String model = requiredString(body, "model");
        if (!messages.isArray()) {
            throw schema("messages: invalid type: expected a sequence");
        }
        for (int i = 0; i < messages.size(); i++) {
            checkMessageShape(messages.get(i), "messages[" + i + "]");
        }
        boolean thinking = thinkingEnabled(body);
        Integer maxTokens = body.hasNonNull("max_tokens") ? body.get("max_tokens").asInt() : null;
        if (!models.contains(model)) {
            throw new ApiError(400, "Model Not Exist");
        }
        if (messages.isEmpty()) {
            throw new ApiError(400, "Invalid request: messages must not be empty");
        }
        if (maxTokens != null && (maxTokens < 1 || maxTokens > MAX_OUTPUT_TOKENS)) {
            throw new ApiError(422, "Invalid max_tokens value, the valid range of max_tokens is [1, " + MAX_OUTPUT_TOKENS + "]");
        }
        List<String> imageTokens = ImageInputs.check(messages, model, visionModels);
        checkResponseFormat(body.get("response_format"));
        if (beta && body.path("tools").isArray()) {
            StrictTools.check(body.path("tools"));
        }
        checkToolResultsFollowCalls(messages);
        boolean[] inToolSegment = toolSegments(messages);
        if (thinking) {
            checkReasoningPassedBack(messages, inToolSegment);
        }
        boolean stream = body.path("stream").asBoolean(false);
        boolean includeUsage = stream && body.path("stream_options").path("include_usage").asBoolean(false);
        return new ChatRequest(model, stream, includeUsage, thinking, maxTokens, Conversation.of(messages),
                promptTokens(body.get("tools"), messages, thinking, inToolSegment, imageTokens), topLogprobs(body));
    }

    /** How many alternatives per token the answer lists, or {@code null} when {@code logprobs} is not asked for. */
    private static Integer topLogprobs(JsonNode body) {
        JsonNode logprobs = body.get("logprobs");
        if (logprobs != null && !logprobs.isNull() && !logprobs.isBoolean()) {
            throw schema("logprobs: invalid type: expected a boolean");
        }
        boolean asked = logprobs != null && logprobs.asBoolean(false);
        JsonNode top = body.get("top_logprobs");
        if (top == null || top.isNull()) {
            return asked ? 0 : null;
        }
        if (!top.canConvertToInt()) {
            throw schema("top_logprobs: invalid type: expected an integer");
        }
        if (top.asInt() < 0 || top.asInt() > MAX_TOP_LOGPROBS) {
            throw new ApiError(422, "Invalid top_logprobs value, the valid range of top_logprobs is [0, " + MAX_TOP_LOGPROBS + "]");
        }
        if (!asked) {
            throw new ApiError(422, "Invalid top_logprobs value: logprobs must be true when top_logprobs is used");
        }
        return top.asInt();
    }

    /** {@code text} or {@code json_object}: the API has no schema-constrained {@code json_schema}. */
    private static void checkResponseFormat(JsonNode format) {
        if (format == null || format.isNull()) {
            return;
        }
        String type = Json.string(format, "type");
        if (!"text".equals(type) && !"json_object".equals(type)) {
            throw schema("response_format.type: unknown variant `" + type + "`, expected `text` or `json_object`");
        }
    }

    private static void checkMessageShape(JsonNode message, String where) {
        if (!message.isObject()) {
            throw schema(where + ": invalid type: expected internally tagged enum");
        }
        String role = requiredString(message, "role", where + ": ");
        if (!ROLES.contains(role)) {
            throw schema(where + ": unknown variant `" + role + "`, expected one of `system`, `user`, `assistant`, `tool`");
        }
        if (!role.equals("assistant")) {
            required(message, "content", where + ": ");
        }
        if (role.equals("tool")) {
            requiredString(message, "tool_call_id", where + ": ");
        }
    }

    private static boolean thinkingEnabled(JsonNode body) {
        JsonNode thinking = body.get("thinking");
        if (thinking == null || thinking.isNull()) {
            return true;
        }
        String type = Json.string(thinking, "type");
        if ("enabled".equals(type)) {
            return true;
        }
        if ("disabled".equals(type)) {
            return false;
        }
        throw schema("thinking.type: unknown variant `" + type + "`, expected `enabled` or `disabled`");
    }

    private static void checkToolResultsFollowCalls(JsonNode messages) {
        Set<String> callIds = new HashSet<>();
        for (JsonNode message : messages) {
            for (JsonNode call : message.path("tool_calls")) {
                callIds.add(call.path("id").asString(""));
            }
            if ("tool".equals(Json.string(message, "role")) && !callIds.contains(Json.string(message, "tool_call_id"))) {
                throw new ApiError(400, "Messages with role 'tool' must be a response to a preceding message with 'tool_calls'");
            }
        }
    }

    /**
     * Thinking mode, as the API documents it: between two user messages, if the model called tools, every assistant
     * turn there (the tool-calling ones and the answer after the results) must carry its {@code reasoning_content}
     * in every later request; where it called no tools, reasoning is not needed. An empty string counts as passed
     * back (the API accepts it); a missing field or {@code null} does not.
     */
    private static void checkReasoningPassedBack(JsonNode messages, boolean[] inToolSegment) {
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            if (inToolSegment[i] && "assistant".equals(Json.string(message, "role"))
                    && Json.string(message, "reasoning_content") == null) {
                throw new ApiError(400, PASS_BACK_MESSAGE);
            }
        }
    }

    /** For each message: whether it lies between two user messages where the model called tools. */
    private static boolean[] toolSegments(JsonNode messages) {
        boolean[] inToolSegment = new boolean[messages.size()];
        int segmentStart = 0;
        for (int i = 0; i <= messages.size(); i++) {
            if (i < messages.size() && !"user".equals(Json.string(messages.get(i), "role"))) {
                continue;
            }
            boolean calledTools = false;
            for (int j = segmentStart; j < i; j++) {
                calledTools |= calledTools(messages.get(j));
            }
            java.util.Arrays.fill(inToolSegment, segmentStart, i, calledTools);
            segmentStart = i + 1;
        }
        return inToolSegment;
    }

    private static boolean calledTools(JsonNode message) {
        return message.path("tool_calls").isArray() && !message.path("tool_calls").isEmpty();
    }

    /**
     * The prompt as the simulated tokenizer sees it: tools first, then each message behind a role marker; in thinking
     * mode the reasoning of turns in tool-calling stretches is part of the context, as on the API.
     */
    private static List<String> promptTokens(JsonNode tools, JsonNode messages, boolean thinking,
            boolean[] inToolSegment, List<String> imageTokens) {
        List<String> tokens = new ArrayList<>();
        if (tools != null && tools.isArray() && !tools.isEmpty()) {
            tokens.add("<|tools|>");
            tokens.addAll(SimulatedTokenizer.pieces(Json.write(tools)));
        }
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            tokens.add("<|" + Json.string(message, "role") + "|>");
            if (thinking && inToolSegment[i]) {
                tokens.addAll(SimulatedTokenizer.pieces(Json.string(message, "reasoning_content")));
            }
            tokens.addAll(SimulatedTokenizer.pieces(Json.contentText(message.get("content"))));
            if (calledTools(message)) {
                tokens.addAll(SimulatedTokenizer.pieces(Json.write(message.get("tool_calls"))));
            }
        }
        tokens.addAll(imageTokens);
        tokens.add("<|assistant|>");
        return tokens;
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw schema(where + "missing field `" + field + "`");
        }
        return value;
    }

    private static String requiredString(JsonNode node, String field) {
        return requiredString(node, field, "");
    }

    private static String requiredString(JsonNode node, String field, String where) {
        JsonNode value = required(node, field, where);
        if (!value.isString()) {
            throw schema(where + field + ": invalid type: expected a string");
        }
        return value.stringValue();
    }

    private static ApiError schema(String detail) {
        return new ApiError(422, "Failed to deserialize the JSON body into the target type: " + detail);
    }
}
