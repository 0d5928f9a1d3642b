package io.github.deepseekspring.local;

import java.util.Locale;

/** The wire protocol of a runtime. */
public enum LocalProtocol {

	/** Ollama's native {@code /api/*}. */
	OLLAMA,

	/** {@code /v1/*} as served by vLLM, llama.cpp's server, SGLang and Ollama. */
	OPENAI;

	/** {@code ollama} or {@code openai}, any case. */
	public static LocalProtocol of(String name) {
		return switch (name.trim().toLowerCase(Locale.ROOT)) {
			case "ollama" -> OLLAMA;
			case "openai", "openai-compatible" -> OPENAI;
			default -> throw new IllegalArgumentException("unknown local runtime protocol '" + name
					+ "': use ollama or openai");
		};
	}

}
