package io.github.deepseekspring.testkit.ollama;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.SimulatedTokenizer;
import io.github.deepseekspring.testkit.ToolCallSpec;
import io.github.deepseekspring.testkit.server.ApiError;
import io.github.deepseekspring.testkit.server.Json;
import io.github.deepseekspring.testkit.server.PlannedReply;
import io.github.deepseekspring.testkit.server.PlannedReply.Conversation;
import io.github.deepseekspring.testkit.server.ResponseStream;
import io.github.deepseekspring.testkit.server.SimExchange;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ollama's OpenAI-compatible {@code /v1/chat/completions} and {@code /v1/models}. Reasoning goes to a
 * {@code reasoning} field when the request sets {@code reasoning_effort} (or {@code think}), otherwise thinking
 * models put it inline as {@code <think>…</think>}. Errors use the OpenAI shape.
 */
final class OpenAiCompatHandler {

    private final OllamaSimulator simulator;

    OpenAiCompatHandler(OllamaSimulator simulator) {
        this.simulator = simulator;
    }

    void models(SimExchange exchange) throws IOException {
        ObjectNode root = Json.object().put("object", "list");
        ArrayNode data = root.putArray("data");
        long created = simulator.models().modifiedAt().getEpochSecond();
        simulator.models().installed().forEach(m -> data.addObject().put("id", m.name()).put("object", "model")
                .put("created", created).put("owned_by", "library"));
        exchange.sendJson(200, root);
    }

    void chat(SimExchange exchange) throws IOException {
        try {
            answer(exchange);
        } catch (ApiError e) {
            ObjectNode root = Json.object();
            root.putObject("error").put("message", e.getMessage())
                    .put("type", e.status() == 404 ? "api_error" : "invalid_request_error").putNull("param").putNull("code");
            exchange.sendJson(e.status(), root);
        }
    }

    private void answer(SimExchange exchange) throws IOException {
        JsonNode body;
        try {
            body = exchange.jsonBody();
        } catch (JacksonException e) {
            throw new ApiError(400, "invalid request body: " + e.getOriginalMessage());
        }
        ModelSpec model = simulator.models().require(Json.string(body, "model"));
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw new ApiError(400, "[] is too short - 'messages'");
        }
        OllamaImages.checkOpenAi(messages, model);
        Boolean think = body.has("reasoning_effort") ? OllamaTurn.thinkRequest(body.get("reasoning_effort"))
                : OllamaTurn.thinkRequest(body.get("think"));
        boolean reasons = OllamaTurn.reasons(model, think);
        simulator.waitLoading(exchange);
        simulator.models().touch(model, OllamaModels.DEFAULT_KEEP_ALIVE);
        Conversation conversation = Conversation.of(messages);
        Optional<ScriptedReply> script = simulator.scripts().match(conversation.lastUserMessage());
        int promptTokens = 0;
        for (JsonNode message : messages) {
            promptTokens += 1 + SimulatedTokenizer.count(Json.contentText(message.get("content")));
        }
        Integer maxTokens = body.hasNonNull("max_tokens") ? Integer.valueOf(body.get("max_tokens").asInt()) : null;
        OllamaTurn turn = OllamaTurn.of(PlannedReply.plan(script, conversation, reasons), think, promptTokens, maxTokens);
        String id = "chatcmpl-" + Math.abs(System.nanoTime() % 1000);
        String finish = turn.doneReason().equals("length") ? "length" : turn.toolCalls().isEmpty() ? "stop" : "tool_calls";
        if (body.path("stream").asBoolean(false)) {
            stream(exchange, body, id, model, turn, finish);
            return;
        }
        ObjectNode root = envelope(id, model, "chat.completion");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant").put("content", turn.contentText());
        if (!turn.thinking().isEmpty()) {
            message.put("reasoning", turn.thinkingText());
        }
        putToolCalls(message, turn);
        choice.put("finish_reason", finish);
        root.set("usage", usage(turn));
        exchange.sendJson(200, root);
    }

    private static void stream(SimExchange exchange, JsonNode body, String id, ModelSpec model, OllamaTurn turn,
            String finish) throws IOException {
        ResponseStream out = exchange.startChunked("text/event-stream", true);
        for (String piece : turn.thinking()) {
            out.event(sse(chunk(id, model, Json.object().put("role", "assistant").put("content", "").put("reasoning", piece), null)));
        }
        for (String piece : turn.content()) {
            out.event(sse(chunk(id, model, Json.object().put("role", "assistant").put("content", piece), null)));
        }
        if (!turn.toolCalls().isEmpty()) {
            ObjectNode delta = Json.object().put("role", "assistant").put("content", "");
            putToolCalls(delta, turn);
            out.event(sse(chunk(id, model, delta, null)));
        }
        out.event(sse(chunk(id, model, Json.object().put("role", "assistant").put("content", ""), finish)));
        if (body.path("stream_options").path("include_usage").asBoolean(false)) {
            ObjectNode usageChunk = envelope(id, model, "chat.completion.chunk");
            usageChunk.putArray("choices");
            out.event(sse(usageChunk.set("usage", usage(turn))));
        }
        out.event("data: [DONE]\n\n");
        out.finish();
    }

    private static void putToolCalls(ObjectNode message, OllamaTurn turn) {
        if (turn.toolCalls().isEmpty()) {
            return;
        }
        ArrayNode calls = message.putArray("tool_calls");
        for (int i = 0; i < turn.toolCalls().size(); i++) {
            ToolCallSpec call = turn.toolCalls().get(i);
            ObjectNode node = calls.addObject().put("id", "call_" + Integer.toHexString((call.name() + i).hashCode()))
                    .put("index", i).put("type", "function");
            node.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
        }
    }

    private static ObjectNode chunk(String id, ModelSpec model, ObjectNode delta, String finish) {
        ObjectNode root = envelope(id, model, "chat.completion.chunk");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.put("finish_reason", finish);
        return root;
    }

    private static ObjectNode envelope(String id, ModelSpec model, String object) {
        return Json.object().put("id", id).put("object", object).put("created", Instant.now().getEpochSecond())
                .put("model", model.name()).put("system_fingerprint", "fp_ollama");
    }

    private static ObjectNode usage(OllamaTurn turn) {
        return Json.object().put("prompt_tokens", turn.promptTokens()).put("completion_tokens", turn.evalTokens())
                .put("total_tokens", turn.promptTokens() + turn.evalTokens());
    }

    private static String sse(ObjectNode node) {
        return "data: " + Json.write(node) + "\n\n";
    }
}
