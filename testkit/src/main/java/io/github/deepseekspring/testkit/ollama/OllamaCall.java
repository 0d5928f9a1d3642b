package io.github.deepseekspring.testkit.ollama;

import io.github.deepseekspring.testkit.server.ApiError;
import io.github.deepseekspring.testkit.server.Json;
import io.github.deepseekspring.testkit.server.SimExchange;
import tools.jackson.databind.JsonNode;

/**
 * The part of {@code /api/chat} and {@code /api/generate} that Ollama handles alike: the body, the installed model
 * and what it can do, the {@code think} switch, and loading the model before it answers.
 *
 * @param body    the request body
 * @param model   the requested model, installed
 * @param think   the request's {@code think} value, {@code null} when absent
 * @param reasons whether the answer carries reasoning
 */
record OllamaCall(JsonNode body, ModelSpec model, Boolean think, boolean reasons) {

    /**
     * Reads a completion request.
     *
     * @param action the endpoint's verb in Ollama's "does not support" message, e.g. {@code chat}
     * @throws ApiError 400 for a body that is not a JSON object or a model that cannot complete, 404 for a model not
     *                  installed
     */
    static OllamaCall read(OllamaSimulator simulator, SimExchange exchange, String action) {
        JsonNode body = OllamaSimulator.parseBody(exchange);
        ModelSpec model = simulator.models().require(Json.string(body, "model"));
        Boolean think = OllamaTurn.thinkRequest(body.get("think"));
        OllamaCall call = new OllamaCall(body, model, think, OllamaTurn.reasons(model, think));
        call.require("completion", action);
        return call;
    }

    /** Fails like Ollama when the model lacks a capability ({@code tools}, {@code insert}, …). */
    void require(String capability, String action) {
        if (!model.can(capability)) {
            throw new ApiError(400, "\"" + model.name() + "\" does not support " + action);
        }
    }

    /** Waits as a model load would (the injected queue delay) and keeps the model loaded per {@code keep_alive}. */
    void loadModel(OllamaSimulator simulator, SimExchange exchange) {
        simulator.waitLoading(exchange);
        simulator.models().touch(model, KeepAlive.parse(body.get("keep_alive")));
    }

}
