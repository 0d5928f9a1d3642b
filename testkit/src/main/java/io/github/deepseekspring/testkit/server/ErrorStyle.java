package io.github.deepseekspring.testkit.server;

/** How a protocol writes an error body. */
public interface ErrorStyle {

    /**
     * Renders an error body.
     *
     * @param status  HTTP status
     * @param message human-readable message
     * @return JSON text
     */
    String render(int status, String message);

    /**
     * The message the real server sends for an injected status.
     *
     * @param status HTTP status
     * @return message
     */
    String defaultMessage(int status);
}
