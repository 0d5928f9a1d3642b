package io.github.deepseekspring.testkit.server;

import java.io.IOException;

/** Answers one endpoint. */
@FunctionalInterface
public interface Route {

    /**
     * Answers a request.
     *
     * @param exchange the request and its response
     * @throws IOException when the client went away or a fault cut the connection
     */
    void handle(SimExchange exchange) throws IOException;
}
