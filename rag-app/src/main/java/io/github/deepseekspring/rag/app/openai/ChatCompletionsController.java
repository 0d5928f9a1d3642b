package io.github.deepseekspring.rag.app.openai;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * OpenAI's chat completions API over the DeepSeek model and the knowledge base, for IDE plugins and OpenAI SDK
 * code: {@code POST /v1/chat/completions} (whole or streamed) and {@code GET /v1/models}. The {@code kb} model
 * answers from retrieved passages with their sources appended; every other model goes to the DeepSeek chat model
 * with the configured routing, tools declared by the client passed through to it and its tool calls back.
 */
@RestController
@RequestMapping(OpenAiFacadeConfiguration.PATH)
class ChatCompletionsController {

	private static final Logger logger = LoggerFactory.getLogger(ChatCompletionsController.class);

	private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);

	private final ObjectProvider<DeepSeekChatModel> chatModel;

	private final ModelCatalog catalog;

	private final KnowledgeBaseAnswers knowledgeBase;

	private final JsonMapper json;

	ChatCompletionsController(ObjectProvider<DeepSeekChatModel> chatModel, ModelCatalog catalog,
			KnowledgeBaseAnswers knowledgeBase, JsonMapper json) {
		this.chatModel = chatModel;
		this.catalog = catalog;
		this.knowledgeBase = knowledgeBase;
		this.json = json;
	}

	@GetMapping("/models")
	OpenAiWire.ModelList models() {
		long created = Instant.now().getEpochSecond();
		return new OpenAiWire.ModelList("list", this.catalog.names()
			.stream()
			.map((id) -> new OpenAiWire.Model(id, "model", created, "deepseek-spring"))
			.toList());
	}

	@PostMapping("/chat/completions")
	ResponseEntity<OpenAiWire.Completion> completions(@RequestBody JsonNode body, HttpServletResponse response)
			throws IOException {
		FacadeRequest request = ChatCompletionRequestReader.read(body);
		Answer answer = this.catalog.isKnowledgeBase(request.model()) ? knowledgeBase(request) : direct(request);
		String id = "chatcmpl-" + UUID.randomUUID();
		long created = Instant.now().getEpochSecond();
		if (request.stream()) {
			stream(response, new CompletionTranslator.Stream(id, created, request.model()), answer,
					request.includeUsage());
			return null;
		}
		ChatResponse whole = answer.prompt() != null ? answer.model().call(answer.prompt()) : answer.fixed();
		return ResponseEntity.ok(CompletionTranslator.completion(id, created, request.model(), whole, answer.text()));
	}

	private Answer direct(FacadeRequest request) {
		DeepSeekChatOptions options = this.catalog.route(request.model(), request.options());
		DeepSeekChatModel model = this.chatModel.getIfAvailable();
		if (model == null) {
			throw new OpenAiException(HttpStatus.SERVICE_UNAVAILABLE, "server_error", "model_unavailable", null,
					"No model backend is configured on this server; only the `" + this.catalog.names()
						.get(this.catalog.names().size() - 1) + "` model answers (from the knowledge base).");
		}
		return new Answer(model, new Prompt(request.messages(), options), null, AnswerText.verbatim());
	}

	private Answer knowledgeBase(FacadeRequest request) {
		// the kb model answers from retrieved text, appends its sources: images and token probabilities would be lost
		if (request.hasImages()) {
			throw OpenAiException.invalid("messages", "The `" + request.model() + "` model answers from the knowledge "
					+ "base's text and takes no images; send images to a chat model.");
		}
		if (Boolean.TRUE.equals(request.options().getLogprobs())) {
			throw OpenAiException.invalid("logprobs", "The `" + request.model() + "` model returns no log probabilities.");
		}
		DeepSeekChatModel model = this.chatModel.getIfAvailable();
		KnowledgeBaseAnswers.Grounding grounding = this.knowledgeBase.ground(request.messages(), request.lastUserText());
		String fixed = grounding.withoutModel(model != null);
		if (fixed != null) {
			// Already the client's text: passed on verbatim.
			return new Answer(null, null, fixed(fixed), AnswerText.verbatim());
		}
		DeepSeekChatOptions o = request.options();
		DeepSeekChatOptions options = DeepSeekChatOptions.builder()
			.thinking(o.getThinking())
			.reasoningEffort(o.getReasoningEffort())
			.maxTokens(o.getMaxTokens())
			.temperature(o.getTemperature())
			.topP(o.getTopP())
			.build();
		return new Answer(model, new Prompt(grounding.prompt(), options), null, grounding.text());
	}

	private void stream(HttpServletResponse response, CompletionTranslator.Stream state, Answer answer,
			boolean includeUsage) throws IOException {
		Flux<ChatResponse> pieces = answer.prompt() != null ? answer.model().stream(answer.prompt())
				: Flux.just(answer.fixed());
		response.setContentType("text/event-stream;charset=UTF-8");
		response.setHeader("Cache-Control", "no-cache");
		response.setHeader("X-Accel-Buffering", "no");
		OutputStream out = response.getOutputStream();
		try (java.util.stream.Stream<ChatResponse> stream = pieces.toStream(1)) {
			Iterator<ChatResponse> it = stream.iterator();
			try {
				while (it.hasNext()) {
					for (OpenAiWire.Chunk chunk : state.accept(it.next(), answer.text())) {
						write(out, chunk);
					}
				}
			}
			catch (IOException ex) {
				// The client went away; closing the stream cancels the model call.
				logger.debug("Client left a /v1 stream: {}", ex.toString());
				return;
			}
			catch (RuntimeException ex) {
				OpenAiException error = ModelFailures.translate(ex, logger);
				if (!response.isCommitted()) {
					// Nothing sent yet: a proper HTTP error, as for a whole answer.
					throw error;
				}
				write(out, error.body());
				return;
			}
			String end = answer.text().end();
			if (!end.isEmpty()) {
				write(out, state.text(end));
			}
			for (OpenAiWire.Chunk chunk : state.finish(includeUsage)) {
				write(out, chunk);
			}
			out.write(DONE);
			out.flush();
		}
	}

	private void write(OutputStream out, Object event) throws IOException {
		out.write(DATA);
		out.write(this.json.writeValueAsBytes(event));
		out.write(END);
		out.flush();
	}

	private static final byte[] DATA = "data: ".getBytes(StandardCharsets.UTF_8);

	private static final byte[] END = "\n\n".getBytes(StandardCharsets.UTF_8);

	private static ChatResponse fixed(String text) {
		return new ChatResponse(List.of(new Generation(AssistantMessage.builder().content(text).build())));
	}

	/** What answers: a prompt for the model, or a fixed answer; and how its text reaches the client. */
	private record Answer(DeepSeekChatModel model, Prompt prompt, ChatResponse fixed, AnswerText text) {

	}

}
