package io.github.deepseekspring.testkit.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import io.github.deepseekspring.testkit.RecordedRequest;
import io.github.deepseekspring.testkit.RequestLog;
import io.github.deepseekspring.testkit.fault.FaultInjector;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /__faults}, {@code POST /__script} (see {@link ScriptEndpoint}), {@code POST /__reset} and
 * {@code GET /__requests}, so tools in other languages can drive a running simulator. The faults body mirrors {@link FaultInjector}; every field is optional:
 * <pre>{@code
 * {"clear": true,
 *  "failNext": {"count": 2, "status": 503, "retryAfterSeconds": 1, "retryAfterAsDate": false},
 *  "hangNext": {"count": 1, "millis": 500},
 *  "stallBeforeFirstByteMillis": 100, "tokenDelayMillis": 20, "firstTokenMillis": 1000, "queueMillis": 300,
 *  "cutAfterChunks": 3, "downForMillis": 2000}
 * }</pre>
 * ({@code downForMillis} comes back up by itself, since a server that is down cannot hear {@code up}.)
 */
final class ControlEndpoints {

    private final FaultInjector faults;
    private final RequestLog log;
    private final Runnable onReset;
    private final ScriptEndpoint scripts;

    ControlEndpoints(FaultInjector faults, RequestLog log, Runnable onReset, ReplyScripts scripts) {
        this.faults = faults;
        this.log = log;
        this.onReset = onReset;
        this.scripts = new ScriptEndpoint(scripts);
    }

    void handle(HttpExchange exchange, String path, String body) throws IOException {
        String key = exchange.getRequestMethod() + " " + path;
        switch (key) {
            case "POST /__faults" -> applyFaults(exchange, body);
            case "POST /__script" -> applyScripts(exchange, body);
            case "POST /__reset" -> {
                onReset.run();
                reply(exchange, 200, "{\"reset\":true}");
            }
            case "GET /__requests" -> reply(exchange, 200, Json.write(requestsJson()));
            default -> reply(exchange, 404, "{\"error\":\"unknown control endpoint " + path + "\"}");
        }
    }

    private void applyFaults(HttpExchange exchange, String body) throws IOException {
        JsonNode spec;
        try {
            spec = Json.MAPPER.readTree(body.isBlank() ? "{}" : body);
        } catch (JacksonException e) {
            reply(exchange, 400, "{\"error\":\"body is not JSON\"}");
            return;
        }
        if (spec.path("clear").asBoolean(false)) {
            faults.clear();
        }
        JsonNode fail = spec.path("failNext");
        if (fail.isObject()) {
            Duration retryAfter = fail.has("retryAfterSeconds")
                    ? Duration.ofSeconds(fail.path("retryAfterSeconds").asLong()) : null;
            if (retryAfter != null && fail.path("retryAfterAsDate").asBoolean(false)) {
                faults.failNextRetryingAfterDate(fail.path("count").asInt(1), fail.path("status").asInt(503), retryAfter);
            } else {
                faults.failNext(fail.path("count").asInt(1), fail.path("status").asInt(503), retryAfter);
            }
        }
        JsonNode hang = spec.path("hangNext");
        if (hang.isObject()) {
            faults.hangNext(hang.path("count").asInt(1), Duration.ofMillis(hang.path("millis").asLong(1000)));
        }
        if (spec.has("stallBeforeFirstByteMillis")) {
            faults.stallBeforeFirstByte(millis(spec, "stallBeforeFirstByteMillis"));
        }
        if (spec.has("tokenDelayMillis")) {
            faults.tokenDelay(millis(spec, "tokenDelayMillis"));
        }
        if (spec.has("firstTokenMillis")) {
            faults.firstTokenDelay(millis(spec, "firstTokenMillis"));
        }
        if (spec.has("queueMillis")) {
            faults.queue(millis(spec, "queueMillis"));
        }
        if (spec.has("cutAfterChunks")) {
            faults.cutAfterChunks(spec.path("cutAfterChunks").asInt());
        }
        reply(exchange, 200, "{\"applied\":true}");
        if (spec.has("downForMillis")) {
            Duration downFor = millis(spec, "downForMillis");
            // Answer first, then go down, so the caller gets its acknowledgement.
            CompletableFuture.runAsync(faults::down, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS))
                    .thenRunAsync(faults::up, CompletableFuture.delayedExecutor(downFor.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    private void applyScripts(HttpExchange exchange, String body) throws IOException {
        try {
            int added = scripts.apply(Json.MAPPER.readTree(body.isBlank() ? "{}" : body));
            reply(exchange, 200, Json.write(Json.object().put("scripted", added)));
        } catch (JacksonException e) {
            reply(exchange, 400, "{\"error\":\"body is not JSON\"}");
        } catch (IllegalArgumentException e) {
            reply(exchange, 400, Json.write(Json.object().put("error", e.getMessage())));
        }
    }

    private ArrayNode requestsJson() {
        ArrayNode all = Json.array();
        for (RecordedRequest request : log.all()) {
            ObjectNode item = all.addObject();
            item.put("method", request.method());
            item.put("path", request.path());
            ObjectNode headers = item.putObject("headers");
            request.headers().forEach((name, values) -> {
                if (!name.equals("authorization")) {
                    headers.put(name, String.join(", ", values));
                }
            });
            item.put("body", request.body());
            item.put("clientDisconnected", request.clientDisconnected());
        }
        return all;
    }

    private static Duration millis(JsonNode spec, String field) {
        return Duration.ofMillis(spec.path(field).asLong());
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
