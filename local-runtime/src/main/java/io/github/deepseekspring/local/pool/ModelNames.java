package io.github.deepseekspring.local.pool;

/** Ollama names without a tag mean {@code :latest}. */
final class ModelNames {

	private ModelNames() {
	}

	static String withTag(String model) {
		return model.indexOf(':') >= 0 ? model : model + ":latest";
	}

}
