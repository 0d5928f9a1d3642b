package io.github.deepseekspring.rag.app.code;

import java.time.Duration;
import java.util.List;

import io.github.deepseekspring.rag.app.ModelFailure;
import io.github.deepseekspring.rag.app.Problems;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The code API's failures as RFC 9457 problem details. */
final class CodeProblems {

	private CodeProblems() {
	}

	static ErrorResponseException badRequest(String detail) {
		return problem(HttpStatus.BAD_REQUEST, "Bad request", detail);
	}

	static ErrorResponseException unsupportedLanguage(String language) {
		ErrorResponseException ex = problem(HttpStatus.BAD_REQUEST, "Unsupported language",
				(language == null || language.isBlank() ? "No language given" : "Unsupported language '" + language + "'")
						+ "; supported: " + String.join(", ", CodeLanguage.ids()));
		ex.getBody().setProperty("supported", List.copyOf(CodeLanguage.ids()));
		return ex;
	}

	static ErrorResponseException tooLarge(String detail) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "Too large", detail);
	}

	static ErrorResponseException modelUnavailable() {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "Model unavailable",
				"The code assistant needs a model and none is available right now; try again later.");
	}

	/** A failed model call as what it means for the client: its request refused, an unreadable answer, or no model. */
	static ErrorResponseException modelFailed(RuntimeException ex) {
		ModelFailure failure = ModelFailure.of(ex);
		return switch (failure.kind()) {
			case REQUEST_REFUSED -> badRequest(failure.detail());
			case UNREADABLE_ANSWER -> problem(HttpStatus.BAD_GATEWAY, "Unreadable model answer",
					"The model server sent an answer this server cannot read (at '" + failure.detail() + "').");
			case UNAVAILABLE -> modelUnavailable();
		};
	}

	/** 429 until the budget renews at midnight UTC, with the numbers. */
	static ErrorResponseException budgetSpent(long budget, long used, Duration untilRenewal) {
		long seconds = Math.max(1, (untilRenewal.toMillis() + 999) / 1000);
		ErrorResponseException ex = problem(HttpStatus.TOO_MANY_REQUESTS, "Daily token budget spent",
				"This client has used its daily token budget of " + budget + " tokens (" + used
						+ " today); it renews at 00:00 UTC, in " + seconds + " seconds.");
		ex.getBody().setProperty("budget", budget);
		ex.getBody().setProperty("used", used);
		ex.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		return ex;
	}

	private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
		return new ErrorResponseException(status, Problems.of(status, title, detail), null);
	}

}
