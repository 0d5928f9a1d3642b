package io.github.deepseekspring.model.routing;

/** The two kinds of backend a request can go to. */
public enum BackendKind {

	/** The DeepSeek API. */
	REMOTE,
	/** A local runtime (Ollama, vLLM, llama.cpp, SGLang). */
	LOCAL;

	/** Lower-case name used in metric tags and metadata. */
	public String tag() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
