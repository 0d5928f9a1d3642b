package io.github.deepseekspring.testkit.deepseek;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.SimulatedTokenizer;
import io.github.deepseekspring.testkit.server.ApiError;
import io.github.deepseekspring.testkit.server.Json;
import io.github.deepseekspring.testkit.server.ResponseStream;
import io.github.deepseekspring.testkit.server.Route;
import io.github.deepseekspring.testkit.server.SimExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /beta/completions}: fill-in-the-middle from {@code prompt} and {@code suffix}, non-thinking only, at
 * most 4K output tokens. Without a script the infill is a comment naming the code around it.
 */
final class FimHandler implements Route {

    static final int MAX_FIM_TOKENS = 4096;

    private final DeepSeekSimulator simulator;

    FimHandler(DeepSeekSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public void handle(SimExchange exchange) throws IOException {
        JsonNode body = DeepSeekSimulator.parseBody(exchange);
        if (!body.isObject() || !body.has("prompt")) {
            throw new ApiError(422, "Failed to deserialize the JSON body into the target type: missing field `prompt`");
        }
        String model = body.path("model").asString("");
        if (!simulator.modelNames().contains(model)) {
            throw new ApiError(400, "Model Not Exist");
        }
        if ("enabled".equals(Json.string(body.path("thinking"), "type"))) {
            throw new ApiError(400, "FIM completion is not supported in thinking mode");
        }
        int maxTokens = body.path("max_tokens").asInt(MAX_FIM_TOKENS);
        if (maxTokens < 1 || maxTokens > MAX_FIM_TOKENS) {
            throw new ApiError(422, "Invalid max_tokens value, the valid range of max_tokens is [1, " + MAX_FIM_TOKENS + "]");
        }
        simulator.requireBalance();
        String prompt = Json.contentText(body.get("prompt"));
        String suffix = Json.contentText(body.get("suffix"));
        List<String> pieces = SimulatedTokenizer.pieces(simulator.scripts().match(prompt)
                .map(ScriptedReply::content).orElseGet(() -> defaultInfill(prompt, suffix)));
        String finishReason = "stop";
        if (pieces.size() > maxTokens) {
            pieces = pieces.subList(0, maxTokens);
            finishReason = "length";
        }
        int promptTokens = SimulatedTokenizer.count(prompt) + SimulatedTokenizer.count(suffix);
        ObjectNode usage = new ChatAnswer.Usage(promptTokens, 0, pieces.size(), null).toJson(simulator.usageStyle());
        String id = UUID.randomUUID().toString();
        if (body.path("stream").asBoolean(false)) {
            ResponseStream out = exchange.startChunked("text/event-stream; charset=utf-8", true);
            exchange.waitInQueue(out, ChatCompletionsHandler.SSE_KEEP_ALIVE);
            for (String piece : pieces) {
                out.event(ChatResponses.sse(completion(id, model, piece, null)));
            }
            out.event(ChatResponses.sse(completion(id, model, "", finishReason).set("usage", usage)));
            out.event("data: [DONE]\n\n");
            out.finish();
        } else {
            ObjectNode whole = completion(id, model, String.join("", pieces), finishReason);
            whole.set("usage", usage);
            ChatCompletionsHandler.whole(exchange, whole);
        }
    }

    private static ObjectNode completion(String id, String model, String text, String finishReason) {
        ObjectNode root = Json.object().put("id", id).put("object", "text_completion")
                .put("created", Instant.now().getEpochSecond()).put("model", model)
                .put("system_fingerprint", ChatResponses.FINGERPRINT);
        ObjectNode choice = root.putArray("choices").addObject().put("text", text).put("index", 0);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        return root;
    }

    private static String defaultInfill(String prompt, String suffix) {
        String before = lastLine(prompt).strip();
        String after = suffix.isEmpty() ? "" : suffix.strip().lines().findFirst().orElse("");
        return "/* infill after: " + before + (after.isEmpty() ? "" : " before: " + after) + " */";
    }

    private static String lastLine(String text) {
        String trimmed = text.stripTrailing();
        int newline = trimmed.lastIndexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(newline + 1);
    }
}
