package io.github.deepseekspring.rag.app.dashboard;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import io.github.deepseekspring.rag.app.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's data for administrators: JSON for the page, CSV (one row a day) for spreadsheets. */
@RestController
class AnalyticsController {

	static final int MAX_DAYS = 366;

	private final AnalyticsQueries queries;

	AnalyticsController(AnalyticsQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/api/admin/analytics")
	Analytics analytics(@RequestParam(defaultValue = "7") String days) {
		return this.queries.analytics(days(days));
	}

	@GetMapping("/api/admin/analytics.csv")
	void csv(@RequestParam(defaultValue = "7") String days, HttpServletResponse response) throws IOException {
		Analytics analytics = this.queries.analytics(days(days));
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"analytics-" + analytics.from() + "-"
				+ analytics.to() + ".csv\"");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		try (Writer out = response.getWriter()) {
			AnalyticsCsv.write(analytics, out);
		}
	}

	/** @throws IllegalArgumentException unless {@code days} is a whole number from 1 to 366 */
	static int days(String days) {
		try {
			int value = Integer.parseInt(days.strip());
			if (value >= 1 && value <= MAX_DAYS) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new IllegalArgumentException("days must be a whole number from 1 to " + MAX_DAYS + " (7, 30, 90)");
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Bad request", ex.getMessage());
	}

}
