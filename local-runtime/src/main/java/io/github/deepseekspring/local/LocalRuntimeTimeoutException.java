package io.github.deepseekspring.local;

import java.time.Duration;

/** One of the configured timeouts expired; {@link #kind()} says which. */
public class LocalRuntimeTimeoutException extends LocalRuntimeException {

	private static final long serialVersionUID = 1L;

	/** Which limit was hit. */
	public enum Kind {
		/** Opening the TCP connection. */
		CONNECT,
		/** Waiting for the first byte/token of the answer. */
		FIRST_TOKEN,
		/** Gap between two chunks of a stream. */
		IDLE,
		/** A whole non-streamed answer. */
		REQUEST
	}

	private final Kind kind;

	public LocalRuntimeTimeoutException(Kind kind, Duration limit, String endpoint) {
		super(kind.name().toLowerCase().replace('_', '-') + " timeout of " + limit.toMillis() + " ms expired talking to "
				+ endpoint);
		this.kind = kind;
	}

	public Kind kind() {
		return kind;
	}

	/** Only before anything was delivered; the pool enforces that. */
	@Override
	public boolean isRetryable() {
		return kind != Kind.IDLE;
	}

}
