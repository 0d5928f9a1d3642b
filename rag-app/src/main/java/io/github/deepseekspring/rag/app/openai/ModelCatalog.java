package io.github.deepseekspring.rag.app.openai;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.deepseekspring.autoconfigure.DeepSeekProperties;
import io.github.deepseekspring.model.chat.BackendHint;
import io.github.deepseekspring.model.chat.DeepSeekChatOptions;

/**
 * The models {@code /v1} serves: the configured DeepSeek API model, the local runtime's model when one is set,
 * extra names from {@code deepseek.rag.openai.models}, and the knowledge-base model.
 */
final class ModelCatalog {

	private final Set<String> remote = new LinkedHashSet<>();

	private final String local;

	private final String kb;

	ModelCatalog(DeepSeekProperties deepseek, OpenAiFacadeProperties.OpenAi settings) {
		if (deepseek != null) {
			this.remote.add(deepseek.getChat().getModel());
		}
		this.remote.addAll(settings.models());
		this.local = deepseek != null && deepseek.getLocal().isConfigured() ? deepseek.getLocal().getModel() : null;
		this.kb = settings.kbModel();
	}

	/** Every model name, knowledge-base model last. */
	List<String> names() {
		Set<String> names = new LinkedHashSet<>(this.remote);
		if (this.local != null) {
			names.add(this.local);
		}
		names.add(this.kb);
		return List.copyOf(names);
	}

	boolean isKnowledgeBase(String model) {
		return this.kb.equals(model);
	}

	/** The options for a model; {@link OpenAiException} (404) for a model not served here. */
	DeepSeekChatOptions route(String model, DeepSeekChatOptions options) {
		if (this.remote.contains(model)) {
			return options;
		}
		if (model.equals(this.local)) {
			// The local runtime serves its configured model; the name only picks the backend.
			return options.mutate().model(null).backend(BackendHint.LOCAL).build();
		}
		throw OpenAiException.unknownModel(model);
	}

}
