package io.github.deepseekspring.rag.app.code;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.deepseekspring.model.chat.DeepSeekMetadata;
import io.github.deepseekspring.rag.app.code.CodeApi.CompleteRequest;
import io.github.deepseekspring.rag.app.code.CodeApi.CompleteResponse;
import io.github.deepseekspring.rag.app.code.CodeApi.GenerateRequest;
import io.github.deepseekspring.rag.app.code.CodeApi.GenerateResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The code assistant: {@code POST /api/code} writes code for a task (whole, or as server-sent events
 * {@code reasoning}, {@code token}, {@code done}, {@code error} when {@code stream} is true), and
 * {@code POST /api/code/complete} fills in code between a prefix and a suffix. Each call is charged to its client's
 * daily token budget, and refused once that is spent.
 */
@RestController
@RequestMapping("/api/code")
class CodeController {

	private static final Logger logger = LoggerFactory.getLogger(CodeController.class);

	private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(10);

	private final CodeAssistant assistant;

	private final CodeTokenBudget budget;

	CodeController(CodeAssistant assistant, CodeTokenBudget budget) {
		this.assistant = assistant;
		this.budget = budget;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	Object generate(@RequestBody GenerateRequest request, HttpServletRequest http) {
		CodeAssistant.Generation generation = this.assistant.prepare(request);
		String client = this.budget.client(http);
		this.budget.check(client);
		if (Boolean.TRUE.equals(request.stream())) {
			return stream(generation, client);
		}
		try {
			GenerateResponse response = this.assistant.generate(generation);
			this.budget.charge(client, tokens(generation, response.usage(),
					length(response.code()) + length(response.explanation())));
			return response;
		}
		catch (RuntimeException ex) {
			logger.warn("Code generation failed: {}", ex.toString());
			throw CodeProblems.modelFailed(ex);
		}
	}

	@PostMapping(path = "/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
	CompleteResponse complete(@RequestBody CompleteRequest request, HttpServletRequest http) {
		String client = this.budget.client(http);
		this.budget.check(client);
		try {
			CompleteResponse response = this.assistant.complete(request);
			CodeApi.Usage usage = response.usage();
			this.budget.charge(client, (usage != null && usage.promptTokens() + usage.completionTokens() > 0)
					? usage.promptTokens() + usage.completionTokens()
					: CodeTokenBudget.estimate(length(request.prefix()) + length(request.suffix())
							+ length(response.text())));
			return response;
		}
		catch (org.springframework.web.ErrorResponseException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			logger.warn("Code completion failed: {}", ex.toString());
			throw CodeProblems.modelFailed(ex);
		}
	}

	/** The tokens of a generation: as reported, else estimated from the prompt and the output's length. */
	private static long tokens(CodeAssistant.Generation generation, CodeApi.Usage usage, long outputCharacters) {
		if (usage != null) {
			return (long) usage.promptTokens() + usage.completionTokens();
		}
		long prompt = generation.prompt().getInstructions().stream().mapToLong((m) -> length(m.getText())).sum();
		return CodeTokenBudget.estimate(prompt + outputCharacters);
	}

	private static long length(String text) {
		return (text != null) ? text.length() : 0;
	}

	private SseEmitter stream(CodeAssistant.Generation generation, String client) {
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
		StringBuilder answer = new StringBuilder();
		StringBuilder reasoning = new StringBuilder();
		CodeApi.Usage[] usage = { null };
		Disposable subscription = this.assistant.stream(generation).subscribe((piece) -> {
			AssistantMessage message = piece.getResult() != null ? piece.getResult().getOutput() : null;
			CodeApi.Usage seen = CodeAssistant.usage(piece);
			if (seen != null) {
				usage[0] = seen;
			}
			if (message == null) {
				return;
			}
			String thought = DeepSeekMetadata.reasoningDelta(message).orElse(null);
			if (thought != null) {
				reasoning.append(thought);
				send(emitter, "reasoning", new CodeApi.TextEvent(thought));
			}
			String text = message.getText();
			if (text != null && !text.isEmpty()) {
				answer.append(text);
				send(emitter, "token", new CodeApi.TextEvent(text));
			}
		}, (error) -> {
			logger.warn("Code generation stream failed: {}", error.toString());
			send(emitter, "error", new CodeApi.ErrorEvent("The model failed while writing the code; try again."));
			emitter.complete();
		}, () -> {
			send(emitter, "done", CodeAssistant.result(generation.language(), answer.toString(),
					reasoning.isEmpty() ? null : reasoning.toString(), usage[0]));
			emitter.complete();
		});
		// A client that goes away cancels the model call; whichever way it ends, what it used is charged once.
		AtomicBoolean charged = new AtomicBoolean();
		Runnable end = () -> {
			subscription.dispose();
			if (charged.compareAndSet(false, true)) {
				this.budget.charge(client, tokens(generation, usage[0], answer.length() + reasoning.length()));
			}
		};
		emitter.onCompletion(end);
		emitter.onTimeout(end);
		emitter.onError((ex) -> end.run());
		return emitter;
	}

	private static void send(SseEmitter emitter, String event, Object data) {
		try {
			emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
		}
		catch (IOException | IllegalStateException ex) {
			// The client has gone; completion disposes the model call.
			emitter.completeWithError(ex);
		}
	}

}
