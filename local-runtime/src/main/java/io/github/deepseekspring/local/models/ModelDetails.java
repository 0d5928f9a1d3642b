package io.github.deepseekspring.local.models;

import java.util.List;

/**
 * What {@code /api/show} says about a model.
 * @param name model name
 * @param capabilities e.g. completion, tools, thinking, insert, embedding
 * @param contextLength context window in tokens, or null
 * @param embeddingLength embedding dimensions, or null
 * @param family family
 * @param parameterSize parameter size
 * @param quantization quantization level
 */
public record ModelDetails(String name, List<String> capabilities, Integer contextLength, Integer embeddingLength,
		String family, String parameterSize, String quantization) {

	public ModelDetails {
		capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
	}

	public boolean can(String capability) {
		return capabilities.contains(capability);
	}

}
