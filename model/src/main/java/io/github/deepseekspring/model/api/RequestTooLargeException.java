package io.github.deepseekspring.model.api;

/**
 * The request body is larger than the API takes (48 MiB on DeepSeek's API, images counted base64-encoded). Checked
 * before sending, so nothing was sent; not retried.
 */
public class RequestTooLargeException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	RequestTooLargeException(long bytes, long limit) {
		super("The request is " + mebibytes(bytes) + " MiB, over the API's limit of " + mebibytes(limit)
				+ " MiB (images count base64-encoded): send fewer or smaller images, or link them by http(s) URL");
	}

	private static String mebibytes(long bytes) {
		return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
	}

}
