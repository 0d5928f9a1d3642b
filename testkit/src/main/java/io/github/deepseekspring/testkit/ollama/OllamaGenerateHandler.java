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

/**
 * {@code POST /api/generate}: completion of a prompt, and fill-in-the-middle with {@code suffix} on models that can
 * insert (the answer then names the code around the gap).
 */
final class OllamaGenerateHandler implements Route {

    private final OllamaSimulator simulator;

    OllamaGenerateHandler(OllamaSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public void handle(SimExchange exchange) throws IOException {
        OllamaCall call = OllamaCall.read(simulator, exchange, "generate");
        JsonNode body = call.body();
        ModelSpec model = call.model();
        String prompt = Json.contentText(body.get("prompt"));
        String suffix = Json.string(body, "suffix");
        if (suffix != null && !suffix.isEmpty()) {
            call.require("insert", "insert");
        }
        call.loadModel(simulator, exchange);
        if (prompt.isEmpty()) {
            ObjectNode loaded = OllamaTurn.envelope(model).put("response", "");
            boolean unload = body.has("keep_alive") && KeepAlive.parse(body.get("keep_alive")).isZero();
            exchange.sendJson(200, loaded.put("done", true).put("done_reason", unload ? "unload" : "load"));
            return;
        }
        Optional<ScriptedReply> script = simulator.scripts().match(prompt);
        PlannedReply plan = PlannedReply.plan(script, new Conversation(prompt, false, ""), call.reasons());
        if (script.isEmpty() && suffix != null && !suffix.isEmpty()) {
            plan = new PlannedReply(plan.reasoning(), infill(prompt, suffix), plan.toolCalls(), plan.promptTokens(),
                    plan.completionTokens());
        }
        if (script.isEmpty() && body.has("format")) {
            plan = plan.asJsonEcho(prompt);
        }
        int promptTokens = SimulatedTokenizer.count(prompt) + SimulatedTokenizer.count(suffix)
                + SimulatedTokenizer.count(Json.string(body, "system"));
        OllamaTurn turn = OllamaTurn.of(plan, call.think(), promptTokens, OllamaChatHandler.numPredict(body));
        if (body.path("stream").asBoolean(true)) {
            ResponseStream out = exchange.startChunked(OllamaSimulator.NDJSON, true);
            for (String piece : turn.thinking()) {
                out.event(OllamaChatHandler.line(OllamaTurn.envelope(model).put("response", "").put("thinking", piece).put("done", false)));
            }
            for (String piece : turn.content()) {
                out.event(OllamaChatHandler.line(OllamaTurn.envelope(model).put("response", piece).put("done", false)));
            }
            out.event(OllamaChatHandler.line(done(model, turn, "")));
            out.finish();
        } else {
            ObjectNode whole = done(model, turn, turn.contentText());
            if (!turn.thinking().isEmpty()) {
                whole.put("thinking", turn.thinkingText());
            }
            exchange.sendJson(200, whole);
        }
    }

    private static ObjectNode done(ModelSpec model, OllamaTurn turn, String response) {
        ObjectNode done = OllamaTurn.envelope(model).put("response", response).put("done", true)
                .put("done_reason", turn.doneReason());
        var context = done.putArray("context");
        for (int i = 0; i < Math.min(turn.promptTokens() + turn.evalTokens(), 32); i++) {
            context.add(1000 + i);
        }
        turn.putStats(done);
        return done;
    }

    private static String infill(String prompt, String suffix) {
        String before = prompt.stripTrailing();
        before = before.substring(before.lastIndexOf('\n') + 1).strip();
        String after = suffix.strip().lines().findFirst().orElse("");
        return "/* infill after: " + before + " before: " + after + " */";
    }
}
