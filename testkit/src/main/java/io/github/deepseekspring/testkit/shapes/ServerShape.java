package io.github.deepseekspring.testkit.shapes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * How servers that speak DeepSeek's (OpenAI's) chat completions protocol really answer: one greeting, whole and
 * streamed, as each of them shapes it. Every shape answers {@code "Hello! How can I help?"} to 80 prompt tokens with
 * 12 completion tokens; the shapes differ in what else they send and what they leave out (cache and reasoning
 * counts, finish reasons, fields of their own). A client that reads them all reads the servers its users run.
 */
public enum ServerShape {

    /** DeepSeek's API: reasoning, cache hits in its own fields and OpenAI's, keep-alive comments. */
    DEEPSEEK("deepseek", true, 64),
    /** A gateway in front of DeepSeek: only the three basic usage counts, usage on the finishing chunk. */
    GATEWAY_LEAN("gateway-lean", true, 0),
    /** OpenAI's own shape: cache hits only as {@code prompt_tokens_details.cached_tokens}, no reasoning text. */
    OPENAI_CACHED("openai-cached", false, 64),
    /** vLLM: {@code stop_reason}, null details, {@code kv_transfer_params}, empty {@code tool_calls}. */
    VLLM("vllm", true, 0),
    /** SGLang: {@code matched_stop}, {@code reasoning_tokens} at the top of usage, {@code usage: null} chunks. */
    SGLANG("sglang", true, 0),
    /** llama.cpp's server: {@code timings}, usage on the finishing chunk, empty final delta. */
    LLAMA_CPP("llamacpp", true, 64),
    /** Ollama's OpenAI-compatible endpoint: reasoning as {@code reasoning}, not {@code reasoning_content}. */
    OLLAMA_OPENAI("ollama-openai", true, 0);

    /** The answer text of every shape. */
    public static final String TEXT = "Hello! How can I help?";

    /** The reasoning of shapes that send one. */
    public static final String REASONING = "The user greets me.";

    /** Prompt tokens of every shape. */
    public static final int PROMPT_TOKENS = 80;

    /** Completion tokens of every shape. */
    public static final int COMPLETION_TOKENS = 12;

    private final String resource;
    private final boolean reasons;
    private final int cachedTokens;

    ServerShape(String resource, boolean reasons, int cachedTokens) {
        this.resource = resource;
        this.reasons = reasons;
        this.cachedTokens = cachedTokens;
    }

    /** @return whether the answer carries {@link #REASONING} */
    public boolean reasons() {
        return reasons;
    }

    /** @return the prompt tokens the server reports as served from its cache (0 when it reports none) */
    public int cachedTokens() {
        return cachedTokens;
    }

    /** @return the body of a whole ({@code chat.completion}) answer */
    public String whole() {
        return read(resource + ".json");
    }

    /** @return the body of a streamed answer: server-sent events ending with {@code [DONE]} */
    public String stream() {
        return read(resource + ".sse");
    }

    private static String read(String name) {
        try (InputStream in = ServerShape.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing recorded shape " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
