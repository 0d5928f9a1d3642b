package io.github.deepseekspring.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.deepseekspring.testkit.server.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * One request a simulator received, as recorded in its {@link RequestLog}. Besides what was sent, it tells whether
 * the client went away before the response ended (a cancelled stream, a client-side timeout).
 */
public final class RecordedRequest {

    private final String method;
    private final String path;
    private final Map<String, List<String>> headers;
    private final String body;
    private final Instant receivedAt = Instant.now();
    private final CountDownLatch disconnected = new CountDownLatch(1);

    /**
     * Records a request; used by the simulators.
     *
     * @param method  HTTP method
     * @param path    request path without the query
     * @param headers headers with lower-case names
     * @param body    body text (UTF-8), {@code ""} when none
     */
    public RecordedRequest(String method, String path, Map<String, List<String>> headers, String body) {
        this.method = method;
        this.path = path;
        this.headers = Map.copyOf(headers);
        this.body = body;
    }

    /** @return the HTTP method, e.g. {@code POST} */
    public String method() {
        return method;
    }

    /** @return the path, e.g. {@code /chat/completions} */
    public String path() {
        return path;
    }

    /** @return the request headers, names in lower case */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * The first value of a header.
     *
     * @param name header name, any case
     * @return the value or {@code null}
     */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * When the request arrived, so a test can compare two requests (did the retry wait the server's
     * {@code Retry-After}?) instead of timing its own calls.
     *
     * @return the arrival time
     */
    public Instant receivedAt() {
        return receivedAt;
    }

    /** @return the body text, {@code ""} when none */
    public String body() {
        return body;
    }

    /** @return the body parsed as JSON, or a missing node when it is not JSON */
    public JsonNode json() {
        try {
            return body.isBlank() ? MissingNode.getInstance() : Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }

    /** @return whether the client closed the connection before the response ended */
    public boolean clientDisconnected() {
        return disconnected.getCount() == 0;
    }

    /**
     * Waits until the client closed the connection before the response ended. The simulators notice this when a
     * write fails, so they notice it while streaming (chunks, keep-alives), not while a response sits idle.
     *
     * @param timeout how long to wait
     * @return whether the client disconnected within the timeout
     */
    public boolean awaitClientDisconnect(Duration timeout) {
        try {
            return disconnected.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return clientDisconnected();
        }
    }

    /** Marks that a write to the client failed; used by the simulators. */
    public void markClientDisconnected() {
        disconnected.countDown();
    }

    @Override
    public String toString() {
        return method + " " + path + (clientDisconnected() ? " (client disconnected)" : "");
    }
}
