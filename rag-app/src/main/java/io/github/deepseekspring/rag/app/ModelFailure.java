package io.github.deepseekspring.rag.app;

import io.github.deepseekspring.model.api.DeepSeekApiException;
import io.github.deepseekspring.model.api.DeepSeekProtocolException;
import io.github.deepseekspring.model.api.RequestTooLargeException;
import io.github.deepseekspring.model.image.ImageRejectedException;
import io.github.deepseekspring.model.resilience.NoBackendAvailableException;
import io.github.deepseekspring.model.routing.UnsupportedRequestException;

/**
 * What a failed model call means for the client who asked, whatever the endpoint: its own request was refused
 * (images a model cannot take, limits, parameters the API rejects: a 400), the model's answer could not be read
 * (a 502 naming the field), or no model is available (a 503). Endpoints render it in their own error shape.
 *
 * @param kind which of the three
 * @param detail what to tell the client: the refusal, or the unreadable field; never internals
 */
public record ModelFailure(Kind kind, String detail) {

	/** The three meanings. */
	public enum Kind {

		/** The client's request cannot be served as asked. */
		REQUEST_REFUSED,
		/** The model server's answer could not be read. */
		UNREADABLE_ANSWER,
		/** No model could serve the request right now. */
		UNAVAILABLE

	}

	/** Classifies a failure of a model call. */
	public static ModelFailure of(Throwable ex) {
		if (ex instanceof ImageRejectedException || ex instanceof RequestTooLargeException
				|| ex instanceof UnsupportedRequestException) {
			return new ModelFailure(Kind.REQUEST_REFUSED, ex.getMessage());
		}
		if (ex instanceof DeepSeekProtocolException unreadable) {
			return new ModelFailure(Kind.UNREADABLE_ANSWER, unreadable.field());
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DeepSeekApiException api && api.status() >= 400 && api.status() < 500
					&& api.status() != 401 && api.status() != 402 && api.status() != 429) {
				return new ModelFailure(Kind.REQUEST_REFUSED, "The model refused the request: " + api.getMessage());
			}
			if (cause instanceof NoBackendAvailableException) {
				break;
			}
		}
		return new ModelFailure(Kind.UNAVAILABLE, null);
	}

}
