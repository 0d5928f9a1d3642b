package io.github.deepseekspring.rag.app.openai;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every failure of {@code /v1} in OpenAI's error shape, never a stack trace; ordered before the application's
 * problem-details handling, which the rest of the API uses.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = { ChatCompletionsController.class, TextCompletionsController.class })
class OpenAiErrorHandler {

	private static final Logger logger = LoggerFactory.getLogger(OpenAiErrorHandler.class);

	@ExceptionHandler(OpenAiException.class)
	ResponseEntity<OpenAiWire.ErrorBody> openAi(OpenAiException ex) {
		return respond(ex);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<OpenAiWire.ErrorBody> unreadable(HttpMessageNotReadableException ex) {
		return respond(OpenAiException.invalid(null,
				"We could not parse the JSON body of your request. The OpenAI API expects a JSON payload."));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<OpenAiWire.ErrorBody> mediaType(HttpMediaTypeNotSupportedException ex) {
		return respond(OpenAiException.invalid(null, "The request body must be JSON (Content-Type: application/json)."));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<OpenAiWire.ErrorBody> method(HttpRequestMethodNotSupportedException ex) {
		return respond(new OpenAiException(HttpStatus.METHOD_NOT_ALLOWED, "invalid_request_error", null, null,
				"Method " + ex.getMethod() + " is not allowed here."));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<OpenAiWire.ErrorBody> other(Exception ex) {
		return respond(ModelFailures.translate(ex, logger));
	}

	static ResponseEntity<OpenAiWire.ErrorBody> respond(OpenAiException ex) {
		return ResponseEntity.status(ex.status()).contentType(MediaType.APPLICATION_JSON).body(ex.body());
	}

}
