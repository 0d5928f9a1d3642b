package io.github.deepseekspring.testkit.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.deepseekspring.testkit.RecordedRequest;
import io.github.deepseekspring.testkit.RequestLog;
import io.github.deepseekspring.testkit.fault.FaultInjector;
import io.github.deepseekspring.testkit.fault.RequestFaults;

/**
 * A JDK {@link HttpServer} on 127.0.0.1 that logs requests, applies injected faults, serves the control endpoints
 * under {@code /__} and dispatches the rest to routes. Going "down" closes the listening socket; going "up" binds
 * the same port again.
 */
public final class SimulatorServer implements AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    static {
        // Stream events are small writes; with Nagle's algorithm each one waits for the client's delayed ACK
        // (~40 ms). The JDK server reads this flag once, when its first instance is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final String name;
    private final ErrorStyle errors;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final RequestLog log = new RequestLog();
    private final FaultInjector faults = new FaultInjector(this::stopListening, this::startListening);
    private final ExecutorService executor;
    private final ControlEndpoints control;
    private volatile HttpServer http;
    private volatile int port;

    /**
     * Starts listening.
     *
     * @param name    used in thread names
     * @param port    port, 0 for a free one
     * @param errors  the protocol's error bodies
     * @param onReset what {@code POST /__reset} does besides clearing faults and the log
     * @param scripts  the scripts {@code POST /__script} adds to
     */
    public SimulatorServer(String name, int port, ErrorStyle errors, Runnable onReset, ReplyScripts scripts) {
        this.name = name;
        this.errors = errors;
        this.port = port;
        this.control = new ControlEndpoints(faults, log, onReset, scripts);
        this.executor = executor(name);
        startListening();
    }

    /**
     * A thread per request: a virtual one where the JVM has them (21+), so thousands of paced streams at once cost
     * no more than their sockets; otherwise a daemon platform thread.
     */
    private static ExecutorService executor(String name) {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException e) {
            return Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, name + "-simulator-" + THREADS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    /**
     * Adds an endpoint.
     *
     * @param method HTTP method
     * @param path   exact path
     * @param route  the handler
     * @return this
     */
    public SimulatorServer route(String method, String path, Route route) {
        routes.put(method + " " + path, route);
        return this;
    }

    /** @return {@code http://127.0.0.1:<port>} */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** @return the port */
    public int port() {
        return port;
    }

    /** @return the fault injector */
    public FaultInjector faults() {
        return faults;
    }

    /** @return the request log */
    public RequestLog requests() {
        return log;
    }

    @Override
    public void close() {
        stopListening();
        executor.shutdownNow();
    }

    private synchronized void startListening() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            server.setExecutor(executor);
            server.createContext("/", this::handle);
            server.start();
            port = server.getAddress().getPort();
            http = server;
        } catch (IOException e) {
            throw new UncheckedIOException(name + " simulator cannot listen on port " + port, e);
        }
    }

    private synchronized void stopListening() {
        HttpServer server = http;
        http = null;
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (path.startsWith("/__")) {
            control.handle(exchange, path, body);
        } else {
            RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), path,
                    lowerCaseHeaders(exchange), body);
            log.add(request);
            RequestFaults requestFaults = faults.takeForRequest();
            SimExchange sim = new SimExchange(exchange, request, requestFaults, faults, errors);
            // An IOException (client gone, injected cut) propagates without close(): the JDK server then drops the
            // connection instead of ending the chunked body cleanly.
            answer(sim, exchange.getRequestMethod() + " " + path, requestFaults);
        }
        exchange.close();
    }

    private void answer(SimExchange sim, String routeKey, RequestFaults requestFaults) throws IOException {
        Pause.sleep(requestFaults.stallBeforeFirstByte());
        if (requestFaults.hang() != null) {
            Pause.sleep(requestFaults.hang());
            throw new ConnectionCut("hung up after " + requestFaults.hang());
        }
        if (requestFaults.fails()) {
            sim.sendFault(requestFaults.failStatus(), requestFaults.retryAfter(), requestFaults.retryAfterAsDate());
            return;
        }
        Route route = routes.get(routeKey);
        if (route == null) {
            boolean pathKnown = routes.keySet().stream().anyMatch(k -> k.endsWith(" " + sim.request().path()));
            sim.sendError(pathKnown ? 405 : 404, pathKnown ? "Method Not Allowed" : "Not Found");
            return;
        }
        try {
            route.handle(sim);
        } catch (ApiError e) {
            if (sim.responded()) {
                throw new ConnectionCut("error after the response started: " + e.getMessage());
            }
            sim.sendError(e.status(), e.getMessage());
        } catch (RuntimeException e) {
            if (sim.responded()) {
                throw new ConnectionCut("simulator failed mid-response: " + e);
            }
            sim.sendError(500, "simulator error: " + e);
        }
    }

    private static Map<String, List<String>> lowerCaseHeaders(HttpExchange exchange) {
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((key, values) -> headers.put(key.toLowerCase(Locale.ROOT), List.copyOf(values)));
        return headers;
    }
}
