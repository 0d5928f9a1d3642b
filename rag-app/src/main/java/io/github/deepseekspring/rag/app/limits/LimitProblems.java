package io.github.deepseekspring.rag.app.limits;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A handler that found the model-call line full before its response started ({@link ModelCallAdmission}) answers as
 * the limits do: 503 with {@code Retry-After}, in the format of the API the request was sent to.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class LimitProblems {

	private final Refusals refusals;

	private final LimitsProperties properties;

	LimitProblems(Refusals refusals, LimitsProperties properties) {
		this.refusals = refusals;
		this.properties = properties;
	}

	@ExceptionHandler(ModelCallsBusyException.class)
	void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.refusals.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
				"The assistant is busy and every place in its waiting line is taken; try again after the time in "
						+ "Retry-After.",
				this.properties.concurrency().retryAfter());
	}

}
