package io.github.deepseekspring.testkit.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import com.sun.net.httpserver.HttpExchange;
import io.github.deepseekspring.testkit.RecordedRequest;
import io.github.deepseekspring.testkit.fault.FaultInjector;
import io.github.deepseekspring.testkit.fault.RequestFaults;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** One request being answered: the recorded request, its faults, and ways to respond. */
public final class SimExchange {

    private static final Duration MAX_KEEP_ALIVE_INTERVAL = Duration.ofSeconds(1);
    private static final Duration MIN_KEEP_ALIVE_INTERVAL = Duration.ofMillis(20);

    private final HttpExchange http;
    private final RecordedRequest request;
    private final RequestFaults faults;
    private final FaultInjector injector;
    private final ErrorStyle errors;
    private final long arrivedNanos = System.nanoTime();
    private boolean responded;

    SimExchange(HttpExchange http, RecordedRequest request, RequestFaults faults, FaultInjector injector,
            ErrorStyle errors) {
        this.http = http;
        this.request = request;
        this.faults = faults;
        this.injector = injector;
        this.errors = errors;
    }

    /** @return the recorded request */
    public RecordedRequest request() {
        return request;
    }

    /** @return the faults that apply to this request */
    public RequestFaults faults() {
        return faults;
    }

    /**
     * Parses the body as JSON.
     *
     * @return the body
     * @throws JacksonException when it is not JSON
     */
    public JsonNode jsonBody() {
        return Json.MAPPER.readTree(request.body());
    }

    /**
     * Sends a complete JSON response.
     *
     * @param status HTTP status
     * @param body   JSON body
     * @throws IOException when the client went away
     */
    public void sendJson(int status, JsonNode body) throws IOException {
        send(status, "application/json", Json.write(body), null);
    }

    /**
     * Sends the protocol's error body.
     *
     * @param status  HTTP status
     * @param message message
     * @throws IOException when the client went away
     */
    public void sendError(int status, String message) throws IOException {
        send(status, "application/json", errors.render(status, message), null);
    }

    /**
     * Sends a complete non-JSON response.
     *
     * @param status      HTTP status
     * @param contentType content type
     * @param body        body text ({@code ""} for none)
     * @throws IOException when the client went away
     */
    public void sendText(int status, String contentType, String body) throws IOException {
        send(status, contentType, body, null);
    }

    void sendFault(int status, Duration retryAfter, boolean asDate) throws IOException {
        String header = retryAfter == null ? null
                : asDate ? DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plus(retryAfter))
                : String.valueOf((retryAfter.toMillis() + 999) / 1000);
        send(status, "application/json", errors.render(status, errors.defaultMessage(status)), header);
    }

    /** @return whether a status line was sent already */
    public boolean responded() {
        return responded;
    }

    /**
     * Starts a 200 chunked body. A streaming body takes the armed stream cut, if any.
     *
     * @param contentType content type
     * @param streaming   whether this is a token stream (SSE/NDJSON) rather than a body delayed by keep-alives
     * @return the body writer
     * @throws IOException when the client went away
     */
    public ResponseStream startChunked(String contentType, boolean streaming) throws IOException {
        http.getResponseHeaders().set("Content-Type", contentType);
        if (streaming) {
            http.getResponseHeaders().set("Cache-Control", "no-cache");
        }
        sendHeaders(200, 0);
        int cut = streaming ? injector.takeStreamCut().orElse(-1) : -1;
        OutputStream body = http.getResponseBody();
        return streaming
                ? new ResponseStream(body, request, arrivedNanos + faults.firstTokenDelay().toNanos(), faults.tokenDelay(), cut)
                : new ResponseStream(body, request, arrivedNanos, Duration.ZERO, -1);
    }

    /**
     * Spends the injected queue time writing keep-alive text at intervals (at least once when queued).
     *
     * @param stream    the body being written
     * @param keepAlive the keep-alive text, e.g. an SSE comment or a blank line
     * @throws IOException when the client went away
     */
    public void waitInQueue(ResponseStream stream, String keepAlive) throws IOException {
        Duration queue = faults.queue();
        if (queue.isZero()) {
            return;
        }
        Duration interval = queue.dividedBy(5);
        interval = interval.compareTo(MAX_KEEP_ALIVE_INTERVAL) > 0 ? MAX_KEEP_ALIVE_INTERVAL : interval;
        interval = interval.compareTo(MIN_KEEP_ALIVE_INTERVAL) < 0 ? MIN_KEEP_ALIVE_INTERVAL : interval;
        long end = System.nanoTime() + queue.toNanos();
        do {
            stream.raw(keepAlive);
            long leftNanos = end - System.nanoTime();
            if (leftNanos > 0) {
                Pause.sleep(Duration.ofNanos(Math.min(leftNanos, interval.toNanos())));
            }
        } while (System.nanoTime() < end && !Thread.currentThread().isInterrupted());
    }

    private void send(int status, String contentType, String body, String retryAfter) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().set("Content-Type", contentType);
        if (retryAfter != null) {
            http.getResponseHeaders().set("Retry-After", retryAfter);
        }
        sendHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            request.markClientDisconnected();
            throw e;
        }
    }

    private void sendHeaders(int status, long length) throws IOException {
        if (responded) {
            throw new IllegalStateException("response already started");
        }
        responded = true;
        try {
            http.sendResponseHeaders(status, length);
        } catch (IOException e) {
            request.markClientDisconnected();
            throw e;
        }
    }
}
