package io.github.deepseekspring.rag.app.openai;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bearer authentication of {@code /v1/**} against {@code deepseek.rag.api-keys}. Keys are compared as SHA-256
 * digests in constant time, so neither their content nor their length leaks through timing; they are never logged.
 * A missing or wrong key is answered with 401 in OpenAI's error shape.
 */
class ApiKeyFilter extends OncePerRequestFilter {

	private final List<byte[]> keyDigests;

	private final JsonMapper json;

	ApiKeyFilter(List<String> apiKeys, JsonMapper json) {
		this.keyDigests = apiKeys.stream().map(ApiKeyFilter::digest).toList();
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip()
				: null;
		if (token == null || token.isEmpty()) {
			reject(response, "You didn't provide an API key. You need to provide your API key in an Authorization "
					+ "header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).");
			return;
		}
		if (!accepted(token)) {
			reject(response, this.keyDigests.isEmpty() ? "No API keys are configured for this server."
					: "Incorrect API key provided.");
			return;
		}
		chain.doFilter(request, response);
	}

	boolean accepted(String token) {
		byte[] candidate = digest(token);
		boolean match = false;
		for (byte[] key : this.keyDigests) {
			// No early exit: every configured key is compared.
			match |= MessageDigest.isEqual(key, candidate);
		}
		return match;
	}

	private void reject(HttpServletResponse response, String message) throws IOException {
		OpenAiException error = new OpenAiException(HttpStatus.UNAUTHORIZED, "invalid_request_error",
				"invalid_api_key", null, message);
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		error.writeBody(response, this.json);
	}

	private static byte[] digest(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
