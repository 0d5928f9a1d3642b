package io.github.deepseekspring.model.routing;

/**
 * The request asks for something that no backend it may go to can do (images for a model that cannot see them, log
 * probabilities from the local runtime): it is refused before anything is sent, naming why, rather than answered
 * with part of it silently dropped. Not retried, and no other backend is tried.
 */
public class UnsupportedRequestException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public UnsupportedRequestException(String message) {
		super(message);
	}

}
