package io.github.deepseekspring.rag.app.openai;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A failure answered in OpenAI's error shape ({@code {"error":{"message","type","param","code"}}}).
 */
public class OpenAiException extends RuntimeException {

	private final HttpStatus status;

	private final String type;

	private final String code;

	private final String param;

	public OpenAiException(HttpStatus status, String type, String code, String param, String message) {
		super(message);
		this.status = status;
		this.type = type;
		this.code = code;
		this.param = param;
	}

	/** 400 {@code invalid_request_error} about one request parameter. */
	public static OpenAiException invalid(String param, String message) {
		return new OpenAiException(HttpStatus.BAD_REQUEST, "invalid_request_error", null, param, message);
	}

	/** 404 for a model this API does not serve, as OpenAI answers it. */
	public static OpenAiException unknownModel(String model) {
		return new OpenAiException(HttpStatus.NOT_FOUND, "invalid_request_error", "model_not_found", "model",
				"The model `" + model + "` does not exist or you do not have access to it.");
	}

	public HttpStatus status() {
		return this.status;
	}

	/** The error as OpenAI's JSON body. */
	public OpenAiWire.ErrorBody body() {
		return new OpenAiWire.ErrorBody(new OpenAiWire.ErrorDetail(getMessage(), this.type, this.param, this.code));
	}

	/** Writes the error body for filters, which answer before Spring MVC does; status and headers are the caller's. */
	void writeBody(HttpServletResponse response, JsonMapper json) throws IOException {
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getOutputStream().write(json.writeValueAsBytes(body()));
	}

}
