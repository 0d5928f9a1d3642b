package io.github.deepseekspring.rag.app.openai;

import java.io.IOException;

import io.github.deepseekspring.rag.app.limits.RefusalFormat;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

/**
 * The limits' refusals of OpenAI-compatible requests as OpenAI errors, which OpenAI's SDKs read into their
 * exceptions: a rate limit as OpenAI words it ({@code type: requests}, {@code code: rate_limit_exceeded}), an
 * oversized body as an invalid request, a saturated model as a server error.
 */
class OpenAiRefusalFormat implements RefusalFormat {

	private final JsonMapper json;

	OpenAiRefusalFormat(JsonMapper json) {
		this.json = json;
	}

	@Override
	public boolean appliesTo(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + OpenAiFacadeConfiguration.PATH + "/");
	}

	@Override
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException {
		error(status, detail).writeBody(response, this.json);
	}

	static OpenAiException error(HttpStatus status, String detail) {
		return switch (status) {
			case TOO_MANY_REQUESTS -> new OpenAiException(status, "requests", "rate_limit_exceeded", null, detail);
			case CONTENT_TOO_LARGE ->
				new OpenAiException(status, "invalid_request_error", "request_too_large", null, detail);
			default -> new OpenAiException(status, status.is5xxServerError() ? "server_error" : "invalid_request_error",
					null, null, detail);
		};
	}

}
