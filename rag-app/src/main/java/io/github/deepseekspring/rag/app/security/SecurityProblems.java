package io.github.deepseekspring.rag.app.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The security layer's refusals of API requests, as RFC 9457 problem details (never a login page). */
final class SecurityProblems {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SecurityProblems() {
	}

	/** 401 with the challenges the path accepts. */
	static void unauthorized(HttpServletResponse response, String challenge, String detail) throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
		write(response, HttpStatus.UNAUTHORIZED, detail);
	}

	static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", status.getReasonPhrase());
		body.put("status", status.value());
		body.put("detail", detail);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(JSON.writeValueAsBytes(body));
	}

}
