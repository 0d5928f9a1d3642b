package io.github.deepseekspring.local;

/**
 * The runtime answered, but not in a shape this client can read: a part the answer cannot do without is missing, or a
 * field has a type no reading makes sense of. It names the field. Not an outage: the same request would get the same
 * answer, so it is not retried.
 */
public class LocalProtocolException extends LocalRuntimeException {

	private static final long serialVersionUID = 1L;

	private final String field;

	public LocalProtocolException(String field, String problem, Throwable cause) {
		super("Unreadable answer from the local runtime at '" + field + "': " + problem, cause);
		this.field = field;
	}

	/** The field that could not be read, as a path such as {@code usage.prompt_tokens} or {@code choices}. */
	public String field() {
		return field;
	}

}
