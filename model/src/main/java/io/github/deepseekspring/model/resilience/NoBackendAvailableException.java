package io.github.deepseekspring.model.resilience;

/**
 * No backend may take the request: all are down or their circuits are open, or the request is sensitive and the
 * local runtime is not available (sensitive requests are never sent to the remote API).
 */
public class NoBackendAvailableException extends RuntimeException {

	public NoBackendAvailableException(String message, Throwable cause) {
		super(message, cause);
	}

	public NoBackendAvailableException(String message) {
		super(message);
	}

}
