package io.github.deepseekspring.testkit.shapes;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A server on 127.0.0.1 that answers every chat completion with one {@link ServerShape}, whole or streamed as the
 * request's {@code stream} asks, at {@code /chat/completions} and {@code /v1/chat/completions}; {@code /v1/models}
 * lists one model, for clients that probe it. It plays a recording: use the simulators to test behaviour, this to
 * test that a client reads what other servers send.
 */
public final class ShapeReplayServer implements AutoCloseable {

    private final HttpServer server;
    private volatile String whole;
    private volatile String stream;

    private ShapeReplayServer(ServerShape shape) {
        answerWith(shape);
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    /**
     * @param shape the shape to answer with
     * @return a server listening on a free port
     */
    public static ShapeReplayServer start(ServerShape shape) {
        return new ShapeReplayServer(shape);
    }

    /**
     * @param next the shape to answer with from now on
     * @return this
     */
    public ShapeReplayServer answerWith(ServerShape next) {
        return answerWith(next.whole(), next.stream());
    }

    /**
     * Answers with a recording of one's own, e.g. one a server sent that a client failed on.
     *
     * @param wholeBody  the body of a whole answer
     * @param streamBody the body of a streamed answer (server-sent events)
     * @return this
     */
    public ShapeReplayServer answerWith(String wholeBody, String streamBody) {
        this.whole = wholeBody;
        this.stream = streamBody;
        return this;
    }

    /** @return {@code http://127.0.0.1:<port>} */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.endsWith("/models")) {
                send(exchange, "application/json", "{\"object\":\"list\",\"data\":[{\"id\":\"replayed\",\"object\":\"model\"}]}");
            } else if (path.endsWith("/chat/completions")) {
                boolean streamed = request.replace(" ", "").contains("\"stream\":true");
                send(exchange, streamed ? "text/event-stream" : "application/json", streamed ? stream : whole);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private static void send(HttpExchange exchange, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
