package io.github.deepseekspring.rag.app.limits;

/**
 * No slot for a model call: the waiting line is full, or the wait ran out. Before a response started it is a 503
 * problem with {@code Retry-After}; inside a started stream the handler says so in its own words.
 */
public class ModelCallsBusyException extends RuntimeException {

	public ModelCallsBusyException(String message) {
		super(message);
	}

}
