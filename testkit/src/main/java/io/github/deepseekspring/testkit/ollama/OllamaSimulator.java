package io.github.deepseekspring.testkit.ollama;

import java.util.Objects;

import io.github.deepseekspring.testkit.server.ApiError;
import io.github.deepseekspring.testkit.server.Pause;
import io.github.deepseekspring.testkit.server.ReplyScripts;
import io.github.deepseekspring.testkit.server.ScriptedSimulator;
import io.github.deepseekspring.testkit.server.SimExchange;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * An in-JVM simulator of an Ollama server on 127.0.0.1: {@code /api/chat} and {@code /api/generate} (NDJSON streams
 * by default, {@code think}, {@code tools}, {@code format}, {@code suffix}), {@code /api/embed} and the legacy
 * {@code /api/embeddings} (deterministic unit vectors), {@code /api/tags}, {@code /api/show}, {@code /api/pull}
 * (NDJSON progress), {@code /api/delete}, {@code /api/ps} (with {@code size_vram}), {@code /api/version}, and the
 * OpenAI-compatible {@code /v1/chat/completions} and {@code /v1/models}.
 *
 * <p>Installed by default: {@code deepseek-r1:7b} (thinking and tools; reasoning inline as {@code <think>…</think>}
 * unless the request says {@code think: true}), {@code deepseek-coder-v2:16b} (FIM via {@code suffix}) and
 * {@code bge-m3} (1024-dimension embeddings). A model not installed answers 404
 * {@code model "x" not found, try pulling it first}.
 *
 * <p>Native API under {@code /api}, OpenAI-compatible under {@code /v1}. Without a matching
 * {@link #onUserMessage script} (matched against the {@code /api/generate} prompt too) the answer is {@code "Echo:
 * <last user message>"} (a JSON object {@code {"echo": …}} when the request sets {@code format}). {@link #reset()}
 * also restores the default models.
 */
public final class OllamaSimulator extends ScriptedSimulator<OllamaSimulator> {

    static final String NDJSON = "application/x-ndjson";

    private final OllamaModels models = new OllamaModels();

    private OllamaSimulator(int port) {
        super("ollama", port, new OllamaErrors());
        OllamaEmbedHandler embed = new OllamaEmbedHandler(this);
        OllamaModelAdmin admin = new OllamaModelAdmin(models);
        OpenAiCompatHandler openAi = new OpenAiCompatHandler(this);
        server().route("GET", "/", exchange -> exchange.sendText(200, "text/plain; charset=utf-8", "Ollama is running"))
                .route("HEAD", "/", exchange -> exchange.sendText(200, "text/plain; charset=utf-8", ""))
                .route("POST", "/api/chat", new OllamaChatHandler(this))
                .route("POST", "/api/generate", new OllamaGenerateHandler(this))
                .route("POST", "/api/embed", embed::embed)
                .route("POST", "/api/embeddings", embed::legacyEmbeddings)
                .route("GET", "/api/tags", admin::tags)
                .route("POST", "/api/show", admin::show)
                .route("POST", "/api/pull", admin::pull)
                .route("DELETE", "/api/delete", admin::delete)
                .route("GET", "/api/ps", admin::ps)
                .route("GET", "/api/version", admin::version)
                .route("POST", "/v1/chat/completions", openAi::chat)
                .route("GET", "/v1/models", openAi::models);
    }

    /** @return a simulator listening on a free port of 127.0.0.1 */
    public static OllamaSimulator start() {
        return new OllamaSimulator(0);
    }

    /**
     * @param port the port to listen on (0 for a free one)
     * @return a simulator listening on 127.0.0.1
     */
    public static OllamaSimulator start(int port) {
        return new OllamaSimulator(port);
    }

    /**
     * Installs a model; what it can do follows from its name ({@code deepseek-r1*}: thinking and tools,
     * {@code *coder*}: FIM, {@code *embed*}/{@code bge*}: embeddings, anything else: chat and tools).
     *
     * @param name model name, e.g. {@code qwen3:8b}
     * @return this
     */
    public OllamaSimulator withModel(String name) {
        models.install(Objects.requireNonNull(name));
        return this;
    }

    /**
     * Uninstalls a model, so requests for it answer 404 until it is pulled.
     *
     * @param name model name
     * @return this
     */
    public OllamaSimulator withoutModel(String name) {
        models.remove(name);
        return this;
    }

    @Override
    protected void forgetProtocolState() {
        models.restoreDefaults();
    }

    OllamaModels models() {
        return models;
    }

    ReplyScripts scripts() {
        return replyScripts();
    }

    void waitLoading(SimExchange exchange) {
        Pause.sleep(exchange.faults().queue());
    }

    static JsonNode parseBody(SimExchange exchange) {
        try {
            JsonNode body = exchange.jsonBody();
            if (!body.isObject()) {
                throw new ApiError(400, "json: cannot unmarshal into Go value of type api.Request");
            }
            return body;
        } catch (JacksonException e) {
            throw new ApiError(400, "invalid character in request body: " + e.getOriginalMessage());
        }
    }
}
