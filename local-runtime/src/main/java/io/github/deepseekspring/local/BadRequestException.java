package io.github.deepseekspring.local;

/** The runtime rejected the request (HTTP 400): fix the request, retrying will not help. */
public class BadRequestException extends LocalRuntimeException {

	private static final long serialVersionUID = 1L;

	public BadRequestException(String runtimeMessage) {
		super("Local runtime rejected the request: " + runtimeMessage);
	}

}
