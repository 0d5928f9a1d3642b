package io.github.deepseekspring.local;

/** The runtime failed (5xx, 429) or broke off a stream; carries the runtime's own message. */
public class ServerErrorException extends LocalRuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	public ServerErrorException(int status, String runtimeMessage) {
		super("Local runtime error" + (status > 0 ? " " + status : "") + ": " + runtimeMessage);
		this.status = status;
	}

	/** HTTP status, or 0 when the stream broke off without one. */
	public int status() {
		return status;
	}

	@Override
	public boolean isRetryable() {
		return status == 0 || status == 429 || status >= 500;
	}

}
