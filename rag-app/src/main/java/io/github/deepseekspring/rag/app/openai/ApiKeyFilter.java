package io.github.deepseekspring.rag.app.openai;

import java.io.IOException;

import io.github.deepseekspring.rag.app.security.ApiKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bearer authentication of {@code /v1/**} against {@code deepseek.rag.api-keys} ({@link ApiKeys}: digests compared
 * in constant time, never logged). A missing or wrong key is answered with 401 in OpenAI's error shape.
 */
class ApiKeyFilter extends OncePerRequestFilter {

	private final ApiKeys keys;

	private final JsonMapper json;

	ApiKeyFilter(ApiKeys keys, JsonMapper json) {
		this.keys = keys;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (ApiKeys.bearerToken(request) == null) {
			reject(response, "You didn't provide an API key. You need to provide your API key in an Authorization "
					+ "header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).");
			return;
		}
		if (this.keys.verify(request).isEmpty()) {
			reject(response, this.keys.configured() ? "Incorrect API key provided."
					: "No API keys are configured for this server.");
			return;
		}
		chain.doFilter(request, response);
	}

	private void reject(HttpServletResponse response, String message) throws IOException {
		OpenAiException error = new OpenAiException(HttpStatus.UNAUTHORIZED, "invalid_request_error",
				"invalid_api_key", null, message);
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		error.writeBody(response, this.json);
	}

}
