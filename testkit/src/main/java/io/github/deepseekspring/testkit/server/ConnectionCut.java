package io.github.deepseekspring.testkit.server;

import java.io.IOException;

/**
 * Thrown to end an exchange by dropping the TCP connection: the JDK server closes the socket without ending the
 * chunked body, so the client sees a truncated response, like a real network cut.
 */
final class ConnectionCut extends IOException {

    ConnectionCut(String why) {
        super(why);
    }
}
