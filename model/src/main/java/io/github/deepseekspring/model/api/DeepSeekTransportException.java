package io.github.deepseekspring.model.api;

/**
 * The exchange with a backend failed below the API level: connection refused or reset, a timeout, or a stream that
 * ended before its end marker. Always worth retrying or failing over (unless tokens already reached the caller).
 */
public class DeepSeekTransportException extends RuntimeException {

	public DeepSeekTransportException(String message, Throwable cause) {
		super(message, cause);
	}

	public DeepSeekTransportException(String message) {
		super(message);
	}

}
