package io.github.deepseekspring.local;

/** Base of every error the local runtime client throws; unchecked so streaming callbacks stay simple. */
public class LocalRuntimeException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public LocalRuntimeException(String message) {
		super(message);
	}

	public LocalRuntimeException(String message, Throwable cause) {
		super(message, cause);
	}

	/** Whether another endpoint (or a later attempt) may succeed where this one failed. */
	public boolean isRetryable() {
		return false;
	}

}
