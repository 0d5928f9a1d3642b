package io.github.deepseekspring.testkit.ollama;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.github.deepseekspring.testkit.SimulatedTokenizer;
import io.github.deepseekspring.testkit.server.ApiError;
import io.github.deepseekspring.testkit.server.Json;
import io.github.deepseekspring.testkit.server.SimExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /api/embed} ({@code input}: text or list → {@code embeddings}) and the legacy {@code POST /api/embeddings}. */
final class OllamaEmbedHandler {

    private final OllamaSimulator simulator;

    OllamaEmbedHandler(OllamaSimulator simulator) {
        this.simulator = simulator;
    }

    void embed(SimExchange exchange) throws IOException {
        JsonNode body = OllamaSimulator.parseBody(exchange);
        ModelSpec model = embeddingModel(body);
        List<String> inputs = new ArrayList<>();
        JsonNode input = body.path("input");
        if (input.isArray()) {
            input.forEach(item -> inputs.add(item.asString("")));
        } else if (input.isString()) {
            inputs.add(input.stringValue());
        }
        int dimensions = body.path("dimensions").asInt(model.embeddingDimensions());
        if (dimensions < 1 || dimensions > model.embeddingDimensions()) {
            throw new ApiError(400, "dimensions must be between 1 and " + model.embeddingDimensions());
        }
        ObjectNode response = Json.object().put("model", model.name());
        ArrayNode embeddings = response.putArray("embeddings");
        int tokens = 0;
        for (String text : inputs) {
            vector(embeddings.addArray(), text, dimensions);
            tokens += SimulatedTokenizer.count(text);
        }
        response.put("total_duration", 1_000_000L + tokens * 100_000L).put("load_duration", 1_000_000L)
                .put("prompt_eval_count", tokens);
        exchange.sendJson(200, response);
    }

    void legacyEmbeddings(SimExchange exchange) throws IOException {
        JsonNode body = OllamaSimulator.parseBody(exchange);
        ModelSpec model = embeddingModel(body);
        ObjectNode response = Json.object();
        vector(response.putArray("embedding"), Json.contentText(body.get("prompt")), model.embeddingDimensions());
        exchange.sendJson(200, response);
    }

    private ModelSpec embeddingModel(JsonNode body) {
        ModelSpec model = simulator.models().require(Json.string(body, "model"));
        if (!model.can("embedding")) {
            throw new ApiError(400, "\"" + model.name() + "\" does not support embeddings");
        }
        simulator.models().touch(model, KeepAlive.parse(body.get("keep_alive")));
        return model;
    }

    private static void vector(ArrayNode target, String text, int dimensions) {
        for (float value : HashingEmbedder.embed(text, dimensions)) {
            target.add(value);
        }
    }
}
