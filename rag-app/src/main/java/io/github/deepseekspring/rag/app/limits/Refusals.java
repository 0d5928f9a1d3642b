package io.github.deepseekspring.rag.app.limits;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes the answers of refused requests (filters answer before Spring MVC does): status, {@code Retry-After}, and a
 * body in the format of the API the request was sent to, RFC 9457 problem details unless a {@link RefusalFormat}
 * applies.
 */
final class Refusals {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<RefusalFormat> formats;

	Refusals(List<RefusalFormat> formats) {
		this.formats = List.copyOf(formats);
	}

	/** Problem details for every request. */
	static Refusals problemDetails() {
		return new Refusals(List.of());
	}

	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
			Duration retryAfter) throws IOException {
		response.setStatus(status.value());
		if (retryAfter != null) {
			long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		}
		response.setCharacterEncoding("UTF-8");
		for (RefusalFormat format : this.formats) {
			if (format.appliesTo(request)) {
				format.write(request, response, status, detail);
				return;
			}
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", status.getReasonPhrase());
		body.put("status", status.value());
		body.put("detail", detail);
		body.put("instance", request.getRequestURI());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(JSON.writeValueAsBytes(body));
	}

}
