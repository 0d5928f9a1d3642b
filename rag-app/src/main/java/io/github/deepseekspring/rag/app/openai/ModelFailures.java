package io.github.deepseekspring.rag.app.openai;

import io.github.deepseekspring.rag.app.ModelFailure;
import org.slf4j.Logger;

import org.springframework.http.HttpStatus;

/** What a client of {@code /v1} is told when the model fails: the kind of failure, never internals. */
final class ModelFailures {

	private ModelFailures() {
	}

	static OpenAiException translate(Throwable ex, Logger logger) {
		if (ex instanceof OpenAiException openAi) {
			return openAi;
		}
		ModelFailure failure = ModelFailure.of(ex);
		return switch (failure.kind()) {
			// images the model cannot take, limits, parameters the API refused, no backend able to serve it as asked
			case REQUEST_REFUSED -> OpenAiException.invalid(null, failure.detail());
			case UNREADABLE_ANSWER -> {
				logger.warn("Model answer for /v1 unreadable at {}", failure.detail());
				yield new OpenAiException(HttpStatus.BAD_GATEWAY, "server_error", "bad_model_answer", null,
						"The model server sent an answer this server cannot read (at '" + failure.detail() + "').");
			}
			case UNAVAILABLE -> {
				logger.warn("Model call for /v1 failed: {}", ex.toString());
				yield new OpenAiException(HttpStatus.SERVICE_UNAVAILABLE, "server_error", "model_unavailable", null,
						"The model is not available right now; try again later.");
			}
		};
	}

}
