package io.github.deepseekspring.rag.app.openai;

import io.github.deepseekspring.model.api.DeepSeekApiException;
import io.github.deepseekspring.model.api.DeepSeekProtocolException;
import io.github.deepseekspring.model.api.RequestTooLargeException;
import io.github.deepseekspring.model.image.ImageRejectedException;
import io.github.deepseekspring.model.resilience.NoBackendAvailableException;
import io.github.deepseekspring.model.routing.UnsupportedRequestException;
import org.slf4j.Logger;

import org.springframework.http.HttpStatus;

/** What a client of {@code /v1} is told when the model fails: the kind of failure, never internals. */
final class ModelFailures {

	private ModelFailures() {
	}

	private static boolean isTheRequestsFault(IllegalArgumentException ex) {
		return ex instanceof ImageRejectedException || ex instanceof RequestTooLargeException
				|| ex instanceof UnsupportedRequestException;
	}

	static OpenAiException translate(Throwable ex, Logger logger) {
		if (ex instanceof OpenAiException openAi) {
			return openAi;
		}
		if (ex instanceof IllegalArgumentException refused && isTheRequestsFault(refused)) {
			// images the model cannot take, limits, no backend able to serve the request as asked
			return OpenAiException.invalid(null, refused.getMessage());
		}
		if (ex instanceof DeepSeekProtocolException unreadable) {
			logger.warn("Model answer for /v1 unreadable: {}", unreadable.getMessage());
			return new OpenAiException(HttpStatus.BAD_GATEWAY, "server_error", "bad_model_answer", null,
					"The model server sent an answer this server cannot read (at '" + unreadable.field() + "').");
		}
		Throwable cause = ex;
		while (cause != null) {
			if (cause instanceof DeepSeekApiException api && api.status() >= 400 && api.status() < 500
					&& api.status() != 401 && api.status() != 402 && api.status() != 429) {
				// The client's own request was refused upstream (bad parameters): say so, as a 400.
				return OpenAiException.invalid(null, "The model refused the request: " + api.getMessage());
			}
			if (cause instanceof NoBackendAvailableException) {
				break;
			}
			cause = cause.getCause();
		}
		logger.warn("Model call for /v1 failed: {}", ex.toString());
		return new OpenAiException(HttpStatus.SERVICE_UNAVAILABLE, "server_error", "model_unavailable", null,
				"The model is not available right now; try again later.");
	}

}
