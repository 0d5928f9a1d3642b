package io.github.deepseekspring.rag.app.code;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/** The JSON of {@code /api/code}. */
public final class CodeApi {

	private CodeApi() {
	}

	/**
	 * A code generation request.
	 *
	 * @param language the language to write, e.g. {@code java} (see {@link CodeLanguage#ids()})
	 * @param task what the code should do
	 * @param context files the code must fit, optional
	 * @param stream answer as server-sent events
	 * @param thinking thinking mode for this request; the configured default when null
	 */
	public record GenerateRequest(String language, String task, List<ContextFile> context, Boolean stream,
			Boolean thinking) {

	}

	/** A file given as context. */
	public record ContextFile(String path, String content) {

	}

	/**
	 * Generated code.
	 *
	 * @param language the language id
	 * @param code the extracted code, null when the answer had no block of the language
	 * @param explanation the rest of the answer
	 * @param error why the code is missing or incomplete, absent when all is well
	 * @param diagnostics syntax problems found by parsing the code (Java only), absent otherwise
	 * @param reasoning the model's reasoning, when thinking was on
	 * @param usage tokens used
	 */
	@JsonInclude(Include.NON_NULL)
	public record GenerateResponse(String language, String code, String explanation, String error,
			List<String> diagnostics, String reasoning, Usage usage) {

	}

	/** Token usage of one model call. */
	public record Usage(int promptTokens, int completionTokens) {

	}

	/**
	 * A code completion (fill-in-the-middle) request.
	 *
	 * @param language the language of the code
	 * @param prefix code before the cursor
	 * @param suffix code after the cursor, optional
	 * @param maxTokens most tokens to produce, optional
	 */
	public record CompleteRequest(String language, String prefix, String suffix, Integer maxTokens) {

	}

	/**
	 * The infill.
	 *
	 * @param text the text to insert at the cursor
	 * @param model the model that wrote it
	 * @param backend {@code remote} or {@code local}
	 * @param usage tokens used
	 */
	public record CompleteResponse(String text, String model, String backend, Usage usage) {

	}

	/** Text of a {@code token} or {@code reasoning} event. */
	public record TextEvent(String text) {

	}

	/** Message of an {@code error} event. */
	public record ErrorEvent(String message) {

	}

}
