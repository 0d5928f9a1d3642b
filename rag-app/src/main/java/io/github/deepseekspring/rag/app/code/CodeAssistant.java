package io.github.deepseekspring.rag.app.code;

import java.util.List;

import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.model.chat.DeepSeekMetadata;
import io.github.deepseekspring.model.completion.CodeCompletion;
import io.github.deepseekspring.rag.app.code.CodeApi.CompleteRequest;
import io.github.deepseekspring.rag.app.code.CodeApi.CompleteResponse;
import io.github.deepseekspring.rag.app.code.CodeApi.ContextFile;
import io.github.deepseekspring.rag.app.code.CodeApi.GenerateRequest;
import io.github.deepseekspring.rag.app.code.CodeApi.GenerateResponse;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Writes code for a task with a coding prompt and extracts it from the model's answer, and completes code between a
 * prefix and a suffix (DeepSeek FIM remotely, the runtime's suffix support locally, as routing decides).
 */
@Service
public class CodeAssistant {

	private final ObjectProvider<DeepSeekChatModel> chatModel;

	private final CodeProperties properties;

	CodeAssistant(ObjectProvider<DeepSeekChatModel> chatModel, CodeProperties properties) {
		this.chatModel = chatModel;
		this.properties = properties;
	}

	/** A checked generation request, ready for the model; problem details (400, 413, 503) otherwise. */
	Generation prepare(GenerateRequest request) {
		CodeLanguage language = language(request.language());
		String task = request.task();
		if (task == null || task.isBlank()) {
			throw CodeProblems.badRequest("task must not be empty");
		}
		if (task.length() > this.properties.maxTaskLength()) {
			throw CodeProblems.badRequest(
					"task is longer than " + this.properties.maxTaskLength() + " characters");
		}
		List<ContextFile> context = request.context() == null ? List.of() : request.context();
		long contextLength = 0;
		for (ContextFile file : context) {
			if (file == null || file.content() == null) {
				throw CodeProblems.badRequest("every context file needs a content");
			}
			contextLength += file.content().length();
		}
		if (contextLength > this.properties.maxContextLength()) {
			throw CodeProblems.tooLarge("context files hold " + contextLength + " characters; at most "
					+ this.properties.maxContextLength() + " are accepted");
		}
		DeepSeekChatOptions.Builder options = DeepSeekChatOptions.builder();
		if (request.thinking() != null) {
			options.thinking(request.thinking());
		}
		Prompt prompt = new Prompt(List.of(new SystemMessage(CodePrompts.system(language)),
				new UserMessage(CodePrompts.user(task, context))), options.build());
		return new Generation(model(), language, prompt);
	}

	/** Generates the code and waits for the whole answer. */
	GenerateResponse generate(Generation generation) {
		ChatResponse response = generation.model().call(generation.prompt());
		var output = response.getResult().getOutput();
		return result(generation.language(), output.getText(), DeepSeekMetadata.reasoning(output).orElse(null),
				usage(response));
	}

	/** The answer as it is written. */
	Flux<ChatResponse> stream(Generation generation) {
		return generation.model().stream(generation.prompt());
	}

	/** The result for a model's whole answer. */
	static GenerateResponse result(CodeLanguage language, String answer, String reasoning, CodeApi.Usage usage) {
		FencedCode code = FencedCode.extract(answer, language);
		List<String> diagnostics = null;
		if (code.found() && language == CodeLanguage.JAVA) {
			diagnostics = JavaSyntaxCheck.check(code.code());
		}
		return new GenerateResponse(language.id(), code.code(), code.explanation(), code.error(language).orElse(null),
				diagnostics, reasoning, usage);
	}

	/** The infill between a prefix and a suffix. */
	CompleteResponse complete(CompleteRequest request) {
		language(request.language());
		if (request.prefix() == null) {
			throw CodeProblems.badRequest("prefix is required");
		}
		String suffix = request.suffix() == null ? "" : request.suffix();
		long length = (long) request.prefix().length() + suffix.length();
		if (length > this.properties.maxInfillLength()) {
			throw CodeProblems.tooLarge("prefix and suffix hold " + length + " characters; at most "
					+ this.properties.maxInfillLength() + " are accepted");
		}
		int maxTokens = request.maxTokens() == null ? this.properties.completionMaxTokens() : request.maxTokens();
		if (maxTokens < 1 || maxTokens > this.properties.maxCompletionTokens()) {
			throw CodeProblems.badRequest(
					"maxTokens must be between 1 and " + this.properties.maxCompletionTokens());
		}
		CodeCompletion completion = model().complete(request.prefix(), suffix,
				DeepSeekChatOptions.builder().maxTokens(maxTokens).build());
		return new CompleteResponse(completion.text(), completion.model(), completion.backend(),
				new CodeApi.Usage(completion.promptTokens(), completion.completionTokens()));
	}

	static CodeApi.Usage usage(ChatResponse response) {
		Usage usage = response.getMetadata() != null ? response.getMetadata().getUsage() : null;
		if (usage == null || usage.getPromptTokens() == null || usage.getCompletionTokens() == null
				|| usage.getPromptTokens() + usage.getCompletionTokens() == 0) {
			return null;
		}
		return new CodeApi.Usage(usage.getPromptTokens(), usage.getCompletionTokens());
	}

	private static CodeLanguage language(String language) {
		return CodeLanguage.parse(language).orElseThrow(() -> CodeProblems.unsupportedLanguage(language));
	}

	private DeepSeekChatModel model() {
		DeepSeekChatModel model = this.chatModel.getIfAvailable();
		if (model == null) {
			throw CodeProblems.modelUnavailable();
		}
		return model;
	}

	/** A checked request: the model, the language and the prompt. */
	record Generation(DeepSeekChatModel model, CodeLanguage language, Prompt prompt) {

	}

}
