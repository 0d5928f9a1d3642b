package io.github.deepseekspring.model.api;

import java.util.List;

import tools.jackson.core.JacksonException;

/**
 * The server answered, but not in a shape this client can read: a part the answer cannot do without is missing, or a
 * field has a type no reading makes sense of. It names the field, so the report says which server sent what; it is
 * not an outage, and repeating the same request would get the same answer, so it is not retried (another backend may
 * still be tried).
 */
public class DeepSeekProtocolException extends RuntimeException {

	private final String field;

	public DeepSeekProtocolException(String field, String problem) {
		this(field, problem, null);
	}

	public DeepSeekProtocolException(String field, String problem, Throwable cause) {
		super("Unreadable answer from the model server at '" + field + "': " + problem, cause);
		this.field = field;
	}

	/** The field that could not be read, as a path such as {@code usage.prompt_tokens} or {@code choices[0]}. */
	public String field() {
		return this.field;
	}

	/** The protocol error for a JSON reading failure, naming where in the answer it happened. */
	static DeepSeekProtocolException of(JacksonException error) {
		return of(error, "");
	}

	/** Like {@link #of(JacksonException)} for a value read on its own from {@code within} the answer. */
	static DeepSeekProtocolException of(JacksonException error, String within) {
		return new DeepSeekProtocolException(path(within, error.getPath()), error.getOriginalMessage(), error);
	}

	private static String path(String within, List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder(within);
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "(the whole answer)" : path.toString();
	}

}
