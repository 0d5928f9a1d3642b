package io.github.deepseekspring.testkit.server;

/** Thrown by a route to answer with the protocol's error body. */
public final class ApiError extends RuntimeException {

    private final int status;

    /**
     * @param status  HTTP status
     * @param message message for the error body
     */
    public ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }
}
