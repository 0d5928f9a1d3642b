package io.github.deepseekspring.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.github.deepseekspring.testkit.server.Json;
import tools.jackson.databind.JsonNode;

/** A raw HTTP client for protocol-level assertions (exact bytes, headers, statuses). */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Http() {
    }

    public static HttpResponse<String> post(URI base, String path, String bearer, String body) {
        return send(builder(base, path, bearer).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public static HttpResponse<String> delete(URI base, String path, String body) {
        return send(builder(base, path, null).method("DELETE", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public static HttpResponse<String> get(URI base, String path, String bearer) {
        return send(builder(base, path, bearer).GET().build());
    }

    /** Posts and returns the body's lines as they arrive. */
    public static HttpResponse<Stream<String>> postLines(URI base, String path, String bearer, String body) {
        try {
            return CLIENT.send(builder(base, path, bearer).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return Json.MAPPER.readTree(response.body());
    }

    /** The JSON payloads of the {@code data:} lines of an SSE body, without {@code [DONE]}. */
    public static List<JsonNode> sseData(String body) {
        return body.lines().filter(l -> l.startsWith("data: ") && !l.equals("data: [DONE]"))
                .map(l -> Json.MAPPER.readTree(l.substring(6))).toList();
    }

    private static HttpRequest.Builder builder(URI base, String path, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json");
        return bearer == null ? builder : builder.header("Authorization", "Bearer " + bearer);
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return CLIENT.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }
}
