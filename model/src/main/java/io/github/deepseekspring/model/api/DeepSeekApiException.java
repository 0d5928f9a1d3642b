package io.github.deepseekspring.model.api;

import java.time.Duration;
import java.util.Optional;

/**
 * An error answer of the DeepSeek API, typed by HTTP status. The message is DeepSeek's own error message; the API key
 * is never part of it.
 */
public class DeepSeekApiException extends RuntimeException {

	private final int status;

	private final String code;

	private final Duration retryAfter;

	public DeepSeekApiException(int status, String code, String message, Duration retryAfter) {
		super("DeepSeek API " + status + (code == null ? "" : " (" + code + ")") + ": " + message);
		this.status = status;
		this.code = code;
		this.retryAfter = retryAfter;
	}

	/** The HTTP status. */
	public int status() {
		return this.status;
	}

	/** DeepSeek's error code or type, when it sent one. */
	public String code() {
		return this.code;
	}

	/** The server's {@code Retry-After}, when it sent one. */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

	/** Whether repeating the same request can succeed (429, 5xx); 400/401/402/422 never can. */
	public boolean isRetryable() {
		return this.status == 429 || this.status >= 500;
	}

	/** Creates the typed exception for a status. */
	public static DeepSeekApiException of(int status, String code, String message, Duration retryAfter) {
		return switch (status) {
			case 400 -> new BadRequest(code, message);
			case 401 -> new AuthenticationFailed(code, message);
			case 402 -> new InsufficientBalance(code, message);
			case 422 -> new InvalidParameters(code, message);
			case 429 -> new RateLimited(code, message, retryAfter);
			case 503 -> new ServerOverloaded(code, message, retryAfter);
			default -> status >= 500 ? new ServerError(status, code, message, retryAfter)
					: new DeepSeekApiException(status, code, message, retryAfter);
		};
	}

	/** 400: the request body is malformed (also: reasoning not passed back in a thinking tool loop). */
	public static final class BadRequest extends DeepSeekApiException {

		public BadRequest(String code, String message) {
			super(400, code, message, null);
		}

	}

	/** 401: the API key is wrong. */
	public static final class AuthenticationFailed extends DeepSeekApiException {

		public AuthenticationFailed(String code, String message) {
			super(401, code, message, null);
		}

	}

	/** 402: the account has run out of balance. */
	public static final class InsufficientBalance extends DeepSeekApiException {

		public InsufficientBalance(String code, String message) {
			super(402, code, message, null);
		}

	}

	/** 422: a parameter is invalid. */
	public static final class InvalidParameters extends DeepSeekApiException {

		public InvalidParameters(String code, String message) {
			super(422, code, message, null);
		}

	}

	/** 429: rate or concurrency limit reached. */
	public static final class RateLimited extends DeepSeekApiException {

		public RateLimited(String code, String message, Duration retryAfter) {
			super(429, code, message, retryAfter);
		}

	}

	/** 500 and other 5xx: server fault. */
	public static final class ServerError extends DeepSeekApiException {

		public ServerError(int status, String code, String message, Duration retryAfter) {
			super(status, code, message, retryAfter);
		}

	}

	/** 503: the server is overloaded. */
	public static final class ServerOverloaded extends DeepSeekApiException {

		public ServerOverloaded(String code, String message, Duration retryAfter) {
			super(503, code, message, retryAfter);
		}

	}

}
