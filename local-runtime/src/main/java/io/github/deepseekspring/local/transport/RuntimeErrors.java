package io.github.deepseekspring.local.transport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

import io.github.deepseekspring.local.BadRequestException;
import io.github.deepseekspring.local.LocalRuntimeException;
import io.github.deepseekspring.local.LocalRuntimeTimeoutException;
import io.github.deepseekspring.local.ModelNotFoundException;
import io.github.deepseekspring.local.RuntimeUnreachableException;
import io.github.deepseekspring.local.ServerErrorException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Maps HTTP failures of both protocols to the typed exceptions. Internal. */
public final class RuntimeErrors {

	private RuntimeErrors() {
	}

	/** An error status with its body: Ollama's {@code {"error":"…"}} or OpenAI's {@code {"error":{"message":…}}}. */
	public static LocalRuntimeException fromStatus(int status, String body, String model, JsonMapper mapper) {
		String message = message(body, mapper);
		if (status == 404 && model != null && message.toLowerCase().contains("not found")) {
			return new ModelNotFoundException(model, message);
		}
		if (status == 400 || status == 404 || status == 422) {
			return new BadRequestException(message);
		}
		return new ServerErrorException(status, message);
	}

	/** An I/O failure before any answer byte. */
	public static LocalRuntimeException fromIo(IOException e, String endpoint, Duration connect, Duration responseLimit,
			LocalRuntimeTimeoutException.Kind responseKind) {
		if (e instanceof HttpConnectTimeoutException) {
			return new LocalRuntimeTimeoutException(LocalRuntimeTimeoutException.Kind.CONNECT, connect, endpoint);
		}
		if (e instanceof HttpTimeoutException) {
			return new LocalRuntimeTimeoutException(responseKind, responseLimit, endpoint);
		}
		if (e instanceof ConnectException || e.getCause() instanceof UnresolvedAddressException
				|| e.getCause() instanceof ConnectException) {
			return new RuntimeUnreachableException(endpoint, e);
		}
		return new ServerErrorException(0, "connection to " + endpoint + " failed: " + e);
	}

	private static String message(String body, JsonMapper mapper) {
		if (body == null || body.isBlank()) {
			return "(empty body)";
		}
		try {
			JsonNode error = mapper.readTree(body).path("error");
			if (error.isString()) {
				return error.asString();
			}
			if (error.path("message").isString()) {
				return error.path("message").asString();
			}
		}
		catch (RuntimeException notJson) {
			// fall through: plain-text bodies are shown as they are
		}
		return body.length() > 500 ? body.substring(0, 500) : body;
	}

}
