package io.github.deepseekspring.rag.app.openai;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.model.completion.CodeCompletion;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OpenAI's (legacy) completions API for fill-in-the-middle, as IDE autocompletion plugins call it:
 * {@code POST /v1/completions} with {@code prompt} and {@code suffix}, answered by the model's code completion
 * (DeepSeek FIM or the local runtime's suffix support, as routing decides). A stream is one chunk with the whole
 * infill, since the completion is not produced piece by piece.
 */
@RestController
@RequestMapping(OpenAiFacadeConfiguration.PATH)
class TextCompletionsController {

	private static final int DEFAULT_MAX_TOKENS = 256;

	private final ObjectProvider<DeepSeekChatModel> chatModel;

	private final ModelCatalog catalog;

	private final JsonMapper json;

	TextCompletionsController(ObjectProvider<DeepSeekChatModel> chatModel, ModelCatalog catalog, JsonMapper json) {
		this.chatModel = chatModel;
		this.catalog = catalog;
		this.json = json;
	}

	@PostMapping("/completions")
	TextCompletion complete(@RequestBody JsonNode body, HttpServletResponse response) throws IOException {
		if (body == null || !body.isObject()) {
			throw OpenAiException.invalid(null, "The request body must be a JSON object.");
		}
		String model = body.path("model").isString() ? body.path("model").asString() : null;
		if (model == null || model.isBlank()) {
			throw OpenAiException.invalid("model", "you must provide a model parameter");
		}
		UnsupportedParameters.refuseForCodeCompletion(body);
		String prompt = prompt(body.path("prompt"));
		String suffix = body.path("suffix").isString() ? body.path("suffix").asString() : "";
		int maxTokens = body.path("max_tokens").canConvertToInt() ? body.path("max_tokens").asInt() : DEFAULT_MAX_TOKENS;
		if (maxTokens < 1) {
			throw OpenAiException.invalid("max_tokens", "max_tokens must be a positive integer.");
		}
		DeepSeekChatOptions options = this.catalog.route(model,
				DeepSeekChatOptions.builder().model(model).maxTokens(maxTokens).build());
		DeepSeekChatModel chat = this.chatModel.getIfAvailable();
		if (chat == null) {
			throw new OpenAiException(HttpStatus.SERVICE_UNAVAILABLE, "server_error", "model_unavailable", null,
					"No model backend is configured on this server.");
		}
		CodeCompletion infill = chat.complete(prompt, suffix, options);
		TextCompletion completion = new TextCompletion("cmpl-" + UUID.randomUUID(), "text_completion",
				Instant.now().getEpochSecond(), model, List.of(new TextChoice(infill.text(), 0, null, "stop")),
				new Usage(infill.promptTokens(), infill.completionTokens(),
						infill.promptTokens() + infill.completionTokens()));
		if (!body.path("stream").asBoolean(false)) {
			return completion;
		}
		response.setContentType("text/event-stream;charset=UTF-8");
		response.setHeader("Cache-Control", "no-cache");
		var out = response.getOutputStream();
		out.write("data: ".getBytes(StandardCharsets.UTF_8));
		out.write(this.json.writeValueAsBytes(completion));
		out.write("\n\ndata: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
		out.flush();
		return null;
	}

	private static String prompt(JsonNode prompt) {
		if (prompt.isString()) {
			return prompt.asString();
		}
		if (prompt.isArray() && prompt.size() == 1 && prompt.get(0).isString()) {
			return prompt.get(0).asString();
		}
		throw OpenAiException.invalid("prompt", "prompt must be a string (or an array of one string).");
	}

	/** {@code text_completion}. */
	record TextCompletion(String id, String object, long created, String model, List<TextChoice> choices,
			Usage usage) {

	}

	/** One choice of a text completion. */
	@JsonInclude(Include.ALWAYS)
	record TextChoice(String text, int index, Object logprobs, @JsonProperty("finish_reason") String finishReason) {

	}

	/** Token usage. */
	record Usage(@JsonProperty("prompt_tokens") int promptTokens,
			@JsonProperty("completion_tokens") int completionTokens, @JsonProperty("total_tokens") int totalTokens) {

	}

}
