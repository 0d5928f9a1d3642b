package io.github.deepseekspring.rag.app.openai;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OpenAI-compatible API under {@code /v1} (its Bearer keys are {@code deepseek.rag.api-keys}, with the other
 * credentials in the security package).
 *
 * @param openai what the OpenAI-compatible API offers
 */
@ConfigurationProperties("deepseek.rag")
public record OpenAiFacadeProperties(OpenAi openai) {

	public OpenAiFacadeProperties {
		openai = (openai != null) ? openai : new OpenAi(null, null);
	}

	/**
	 * The OpenAI-compatible API.
	 *
	 * @param kbModel name of the model that answers through the knowledge base with citations
	 * @param models model names accepted besides the configured DeepSeek and local models (e.g. deepseek-v4-pro)
	 */
	public record OpenAi(String kbModel, List<String> models) {

		public OpenAi {
			kbModel = (kbModel != null && !kbModel.isBlank()) ? kbModel : "kb";
			models = (models != null) ? List.copyOf(models) : List.of();
		}

	}

}
