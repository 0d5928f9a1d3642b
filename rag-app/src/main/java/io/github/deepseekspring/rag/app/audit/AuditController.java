package io.github.deepseekspring.rag.app.audit;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin export of the audit log as CSV (role ADMIN, like every {@code /api/admin} path). */
@RestController
class AuditController {

	private final AuditLog log;

	private final Clock clock;

	AuditController(AuditLog log, ObjectProvider<Clock> clock) {
		this.log = log;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * The rows of {@code [from, to)}, by default the last 30 days, as {@code text/csv} (UTF-8 with a byte order mark
	 * so spreadsheet programs read Chinese correctly).
	 */
	@GetMapping("/api/admin/audit.csv")
	void export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			HttpServletResponse response) throws IOException {
		Instant end = (to != null) ? to : this.clock.instant().plusSeconds(1);
		Instant start = (from != null) ? from : end.minus(30, ChronoUnit.DAYS);
		if (!start.isBefore(end)) {
			throw new IllegalArgumentException("from must be before to");
		}
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		out.write('\uFEFF');
		this.log.exportCsv(start, end, out);
		out.flush();
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRange(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

}
