package io.github.deepseekspring.rag.app.reliability;

import io.github.deepseekspring.rag.app.Problems;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The database briefly unavailable (no connection, connection lost, timeout): the request was not stored, and the
 * client is told so with a 503 problem detail and {@code Retry-After}, never a 500 with a stack trace. Feedback and
 * handoff requests are therefore either stored (2xx) or clearly refused (503): nothing is lost silently. Applies to
 * every controller that has no more specific handler for these exceptions.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class DatabaseUnavailableProblems {

	/** How long a client should wait before it tries again. */
	static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private static final Logger logger = LoggerFactory.getLogger(DatabaseUnavailableProblems.class);

	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessException.class,
			RecoverableDataAccessException.class })
	ResponseEntity<ProblemDetail> unavailable(RuntimeException ex) {
		logger.warn("The database is unavailable ({}); answering 503", ex.toString());
		ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable",
				"The service could not store or read your request right now; nothing was saved. "
						+ "Please try again in a few seconds.");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
