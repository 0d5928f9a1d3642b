package io.github.deepseekspring.testkit.deepseek;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.deepseekspring.testkit.server.ApiError;
import io.github.deepseekspring.testkit.server.ReplyScripts;
import io.github.deepseekspring.testkit.server.Route;
import io.github.deepseekspring.testkit.server.ScriptedSimulator;
import io.github.deepseekspring.testkit.server.SimExchange;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * An in-JVM simulator of the DeepSeek API on 127.0.0.1, faithful to the official protocol: Bearer auth, thinking
 * mode on by default ({@code reasoning_content} in messages and stream deltas), the rule that the assistant turns
 * of a tool-calling stretch pass their reasoning back in thinking mode (400 otherwise; empty counts), scripted tool
 * calls, logprobs, image parts checked as the vision guide describes (JPEG/PNG/GIF/WebP, 32 MiB an image, 48 MiB a
 * body, {@code deepseek-flash} only), usage with context-cache
 * hit/miss tokens, SSE with keep-alive comments, JSON mode, the beta endpoint (prefix completion, strict tools with
 * closed schemas), FIM at {@code /beta/completions}, {@code /models} and
 * {@code /user/balance}. Tokens are counted by the {@link io.github.deepseekspring.testkit.SimulatedTokenizer}.
 *
 * <pre>{@code
 * try (DeepSeekSimulator deepseek = DeepSeekSimulator.start()) {
 *     deepseek.onUserMessage("weather", ScriptedReply.toolCalls(ToolCallSpec.of("weather", "{\"city\":\"Hangzhou\"}"))
 *             .thenText("Sunny, 25°C"));
 *     // point the client at deepseek.baseUrl() with deepseek.apiKey()
 * }
 * }</pre>
 *
 * Without a matching {@link #onUserMessage script} the answer is {@code "Echo: <last user message>"} (a JSON object
 * {@code {"echo": …}} with {@code response_format: json_object}), with the reasoning {@code "Thinking about the
 * request: <last user message>"} in thinking mode; scripts match FIM prompts too. {@link #reset()} also empties the
 * context cache and restores the usage style (key, models and balance stay).
 *
 * Configuration methods mutate this simulator and return it for chaining; they are thread-safe.
 */
public final class DeepSeekSimulator extends ScriptedSimulator<DeepSeekSimulator> {

    /** The API key accepted unless {@link #withApiKey(String)} sets another. */
    public static final String DEFAULT_API_KEY = "sk-test-dummy-key";
    /** The models served unless {@link #withModels(String...)} sets others; the first is the default model. */
    public static final List<String> DEFAULT_MODELS = List.of("deepseek-flash", "deepseek-v4-pro");

    private final PrefixCache prefixCache = new PrefixCache();
    private volatile String apiKey = DEFAULT_API_KEY;
    private volatile List<String> models = DEFAULT_MODELS;
    private volatile String balance = "100.00";
    private volatile boolean balanceAvailable = true;
    private volatile int concurrencyLimit = Integer.MAX_VALUE;
    private volatile UsageStyle usageStyle = UsageStyle.DEEPSEEK;
    private volatile Set<String> visionModels = Set.of(DEFAULT_MODELS.get(0));
    private final AtomicInteger inFlight = new AtomicInteger();

    private DeepSeekSimulator(int port) {
        super("deepseek", port, new DeepSeekErrors());
        Route chat = secured(limited(new ChatCompletionsHandler(this)));
        server().route("POST", "/chat/completions", chat)
                .route("POST", "/v1/chat/completions", chat)
                .route("POST", "/beta/chat/completions", chat)
                .route("POST", "/beta/completions", secured(limited(new FimHandler(this))))
                .route("GET", "/models", secured(exchange -> exchange.sendJson(200, AccountResponses.models(models))))
                .route("GET", "/v1/models", secured(exchange -> exchange.sendJson(200, AccountResponses.models(models))))
                .route("GET", "/user/balance",
                        secured(exchange -> exchange.sendJson(200, AccountResponses.balance(balance, balanceAvailable))));
    }

    /** @return a simulator listening on a free port of 127.0.0.1 */
    public static DeepSeekSimulator start() {
        return new DeepSeekSimulator(0);
    }

    /**
     * @param port the port to listen on (0 for a free one)
     * @return a simulator listening on 127.0.0.1
     */
    public static DeepSeekSimulator start(int port) {
        return new DeepSeekSimulator(port);
    }

    /** @return the one API key accepted as {@code Authorization: Bearer <key>} */
    public String apiKey() {
        return apiKey;
    }

    /**
     * @param key the API key to accept from now on
     * @return this
     */
    public DeepSeekSimulator withApiKey(String key) {
        this.apiKey = Objects.requireNonNull(key);
        return this;
    }

    /**
     * @param names the models served (others get 400 "Model Not Exist")
     * @return this
     */
    public DeepSeekSimulator withModels(String... names) {
        this.models = List.of(names);
        return this;
    }

    /**
     * Sets what {@code /user/balance} reports; when not available, completions answer 402 "Insufficient Balance".
     *
     * @param totalBalanceCny total balance in CNY, e.g. {@code "110.00"}
     * @param available       whether the balance suffices for API calls
     * @return this
     */
    public DeepSeekSimulator withBalance(String totalBalanceCny, boolean available) {
        this.balance = Objects.requireNonNull(totalBalanceCny);
        this.balanceAvailable = available;
        return this;
    }

    /**
     * Caps the completions in flight at once, like the API's per-account concurrency limit: a completion beyond it
     * answers 429 "Rate Limit Reached". Unlimited by default.
     *
     * @param maxInFlight completions allowed at the same time
     * @return this
     */
    public DeepSeekSimulator withConcurrencyLimit(int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1");
        }
        this.concurrencyLimit = maxInFlight;
        return this;
    }

    /**
     * @param names the models that take images ({@code deepseek-flash} by default); image parts sent to another model
     *              answer 400
     * @return this
     */
    public DeepSeekSimulator withVisionModels(String... names) {
        this.visionModels = Set.of(names);
        return this;
    }

    /**
     * Which usage fields answers carry, e.g. {@link UsageStyle#LEAN} for the three basic counts a gateway sends.
     * {@link #reset()} restores {@link UsageStyle#DEEPSEEK}.
     *
     * @param style the usage fields to send
     * @return this
     */
    public DeepSeekSimulator withUsageStyle(UsageStyle style) {
        this.usageStyle = Objects.requireNonNull(style);
        return this;
    }

    @Override
    protected void forgetProtocolState() {
        prefixCache.clear();
        usageStyle = UsageStyle.DEEPSEEK;
    }

    UsageStyle usageStyle() {
        return usageStyle;
    }

    Set<String> modelNames() {
        return Set.copyOf(models);
    }

    Set<String> visionModelNames() {
        return visionModels;
    }

    ReplyScripts scripts() {
        return replyScripts();
    }

    PrefixCache prefixCache() {
        return prefixCache;
    }

    void requireBalance() {
        if (!balanceAvailable) {
            throw new ApiError(402, "Insufficient Balance");
        }
    }

    static JsonNode parseBody(SimExchange exchange) {
        try {
            return exchange.jsonBody();
        } catch (JacksonException e) {
            throw new ApiError(400, "Failed to parse the request body as JSON: " + e.getOriginalMessage());
        }
    }

    private Route limited(Route route) {
        return exchange -> {
            try {
                if (inFlight.incrementAndGet() > concurrencyLimit) {
                    throw new ApiError(429, "Rate Limit Reached");
                }
                route.handle(exchange);
            } finally {
                inFlight.decrementAndGet();
            }
        };
    }

    private Route secured(Route route) {
        return exchange -> {
            String authorization = exchange.request().header("authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                throw new ApiError(401, "Authentication Fails (auth header format should be Bearer sk-...)");
            }
            String key = authorization.substring("Bearer ".length()).trim();
            if (!key.equals(apiKey)) {
                String tail = key.length() > 4 ? key.substring(key.length() - 4) : "";
                throw new ApiError(401, "Authentication Fails, Your api key: ****" + tail + " is invalid");
            }
            route.handle(exchange);
        };
    }
}
