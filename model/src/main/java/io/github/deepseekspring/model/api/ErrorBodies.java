package io.github.deepseekspring.model.api;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reads DeepSeek's error bodies ({@code {"error":{"message":..,"type":..,"code":..}}}) and Retry-After headers. */
final class ErrorBodies {

	private static final int MAX_RAW_MESSAGE = 500;

	private ErrorBodies() {
	}

	static DeepSeekApiException toException(int status, HttpHeaders headers, String body, ObjectMapper mapper,
			String apiKey) {
		String message = body == null ? "" : body.strip();
		String code = null;
		try {
			JsonNode error = mapper.readTree(message).path("error");
			if (error.isObject()) {
				message = error.path("message").asString(message);
				JsonNode codeNode = error.hasNonNull("code") ? error.get("code") : error.get("type");
				code = codeNode == null || codeNode.isNull() ? null : codeNode.asString();
			}
		}
		catch (RuntimeException notJson) {
			// keep the raw text
		}
		if (message.length() > MAX_RAW_MESSAGE) {
			message = message.substring(0, MAX_RAW_MESSAGE) + "…";
		}
		if (message.isEmpty()) {
			message = "HTTP " + status;
		}
		return DeepSeekApiException.of(status, code, redact(message, apiKey), retryAfter(headers));
	}

	/** A server that echoes the Authorization header must not leak the key into our exceptions. */
	static String redact(String text, String apiKey) {
		if (apiKey == null || apiKey.length() < 4 || text == null) {
			return text;
		}
		return text.replace(apiKey, "sk-***");
	}

	static Duration retryAfter(HttpHeaders headers) {
		return headers.firstValue("retry-after").map(ErrorBodies::parseRetryAfter).orElse(null);
	}

	static Duration parseRetryAfter(String value) {
		String v = value.trim();
		try {
			return Duration.ofMillis((long) (Double.parseDouble(v) * 1000));
		}
		catch (NumberFormatException notSeconds) {
			try {
				ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
				return d.isNegative() ? Duration.ZERO : d;
			}
			catch (RuntimeException unparseable) {
				return null;
			}
		}
	}

}
