package io.github.deepseekspring.rag.app.limits;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

/**
 * The body of a refusal by the limits (429, 413, 503) in the error format of the API the request was sent to. An API
 * with a format of its own (the OpenAI-compatible one) contributes a bean; other requests get RFC 9457 problem
 * details.
 */
public interface RefusalFormat {

	/** Whether the request was sent to this format's API. */
	boolean appliesTo(HttpServletRequest request);

	/**
	 * Writes the body and its content type; status and {@code Retry-After} are already set.
	 * @param detail what happened and what to do, for people
	 */
	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
			throws IOException;

}
