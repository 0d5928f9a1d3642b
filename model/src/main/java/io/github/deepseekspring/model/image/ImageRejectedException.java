package io.github.deepseekspring.model.image;

/**
 * An image that cannot be sent as it is: a format the model does not read, over a size limit, a link of a kind the
 * API does not fetch. The message names the limit; nothing was sent. Not retried.
 */
public class ImageRejectedException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public ImageRejectedException(String message) {
		super(message);
	}

	public ImageRejectedException(String message, Throwable cause) {
		super(message, cause);
	}

}
