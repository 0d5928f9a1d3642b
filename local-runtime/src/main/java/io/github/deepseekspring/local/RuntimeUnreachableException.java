package io.github.deepseekspring.local;

/** No connection could be made to the runtime (refused, reset, DNS). */
public class RuntimeUnreachableException extends LocalRuntimeException {

	private static final long serialVersionUID = 1L;

	public RuntimeUnreachableException(String endpoint, Throwable cause) {
		super("Local runtime at " + endpoint + " is unreachable: " + cause, cause);
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}
