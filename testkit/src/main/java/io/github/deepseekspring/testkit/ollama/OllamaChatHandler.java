package io.github.deepseekspring.testkit.ollama;

import java.io.IOException;
import java.util.Optional;

import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.SimulatedTokenizer;
import io.github.deepseekspring.testkit.server.Json;
import io.github.deepseekspring.testkit.server.PlannedReply;
import io.github.deepseekspring.testkit.server.PlannedReply.Conversation;
import io.github.deepseekspring.testkit.server.ResponseStream;
import io.github.deepseekspring.testkit.server.Route;
import io.github.deepseekspring.testkit.server.SimExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /api/chat}: NDJSON stream by default, {@code think}, {@code tools}, {@code format}, {@code options.num_predict}. */
final class OllamaChatHandler implements Route {

    private final OllamaSimulator simulator;

    OllamaChatHandler(OllamaSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public void handle(SimExchange exchange) throws IOException {
        OllamaCall call = OllamaCall.read(simulator, exchange, "chat");
        JsonNode body = call.body();
        ModelSpec model = call.model();
        JsonNode tools = body.path("tools");
        if (tools.isArray() && !tools.isEmpty()) {
            call.require("tools", "tools");
        }
        JsonNode messages = body.path("messages");
        OllamaImages.checkNative(messages, model);
        call.loadModel(simulator, exchange);
        if (!messages.isArray() || messages.isEmpty()) {
            sendLoaded(exchange, model);
            return;
        }
        Conversation conversation = Conversation.of(messages);
        Optional<ScriptedReply> script = simulator.scripts().match(conversation.lastUserMessage());
        PlannedReply plan = PlannedReply.plan(script, conversation, call.reasons());
        if (script.isEmpty() && body.has("format")) {
            plan = plan.asJsonEcho(conversation.lastUserMessage());
        }
        OllamaTurn turn = OllamaTurn.of(plan, call.think(), promptTokens(messages, tools), numPredict(body));
        if (body.path("stream").asBoolean(true)) {
            stream(exchange, model, turn);
        } else {
            ObjectNode whole = OllamaTurn.envelope(model);
            ObjectNode message = whole.putObject("message").put("role", "assistant").put("content", turn.contentText());
            if (!turn.thinking().isEmpty()) {
                message.put("thinking", turn.thinkingText());
            }
            OllamaTurn.putToolCalls(message, turn.toolCalls());
            whole.put("done_reason", turn.doneReason()).put("done", true);
            turn.putStats(whole);
            exchange.sendJson(200, whole);
        }
    }

    private static void stream(SimExchange exchange, ModelSpec model, OllamaTurn turn) throws IOException {
        ResponseStream out = exchange.startChunked(OllamaSimulator.NDJSON, true);
        for (String piece : turn.thinking()) {
            ObjectNode chunk = OllamaTurn.envelope(model);
            chunk.putObject("message").put("role", "assistant").put("content", "").put("thinking", piece);
            out.event(line(chunk.put("done", false)));
        }
        for (String piece : turn.content()) {
            ObjectNode chunk = OllamaTurn.envelope(model);
            chunk.putObject("message").put("role", "assistant").put("content", piece);
            out.event(line(chunk.put("done", false)));
        }
        if (!turn.toolCalls().isEmpty()) {
            ObjectNode chunk = OllamaTurn.envelope(model);
            ObjectNode message = chunk.putObject("message").put("role", "assistant").put("content", "");
            OllamaTurn.putToolCalls(message, turn.toolCalls());
            out.event(line(chunk.put("done", false)));
        }
        ObjectNode done = OllamaTurn.envelope(model);
        done.putObject("message").put("role", "assistant").put("content", "");
        done.put("done_reason", turn.doneReason()).put("done", true);
        turn.putStats(done);
        out.event(line(done));
        out.finish();
    }

    private static void sendLoaded(SimExchange exchange, ModelSpec model) throws IOException {
        ObjectNode loaded = OllamaTurn.envelope(model);
        loaded.putObject("message").put("role", "assistant").put("content", "");
        exchange.sendJson(200, loaded.put("done_reason", "load").put("done", true));
    }

    static String line(ObjectNode node) {
        return Json.write(node) + "\n";
    }

    static Integer numPredict(JsonNode body) {
        JsonNode value = body.path("options").get("num_predict");
        return value == null || !value.isNumber() ? null : value.asInt();
    }

    private static int promptTokens(JsonNode messages, JsonNode tools) {
        int count = tools.isArray() ? SimulatedTokenizer.count(Json.write(tools)) : 0;
        for (JsonNode message : messages) {
            count += 1 + SimulatedTokenizer.count(Json.contentText(message.get("content")));
        }
        return count;
    }
}
