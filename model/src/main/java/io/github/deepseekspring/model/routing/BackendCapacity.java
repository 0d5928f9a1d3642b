package io.github.deepseekspring.model.routing;

import java.util.Map;

/**
 * How many model calls the configured backends take at once, so that an application can size its own admission
 * (a queue in front of the model) to what the backends really serve instead of a guess.
 *
 * <p>The DeepSeek API limits concurrent requests per account and answers 429 beyond the limit; its published limits
 * are 2,500 for {@code deepseek-flash} and 500 for {@code deepseek-v4-pro} ({@link #publishedLimit}). A local runtime
 * serves as many requests at once as its parallel slots: Ollama's {@code OLLAMA_NUM_PARALLEL} (1 unless set), vLLM's
 * {@code --max-num-seqs}, llama.cpp's {@code --parallel}; a pool serves the sum of its endpoints' slots.
 *
 * @param remote calls the DeepSeek API takes at once for this application (0: not used)
 * @param local calls the local runtime endpoints take at once together (0: not used)
 */
public record BackendCapacity(int remote, int local) {

	/** Used for a model that has no published limit: the lower of the published ones. */
	public static final int UNKNOWN_MODEL_LIMIT = 500;

	private static final Map<String, Integer> PUBLISHED = Map.of("deepseek-flash", 2_500, "deepseek-v4-flash", 2_500,
			"deepseek-chat", 2_500, "deepseek-reasoner", 2_500, "deepseek-v4-pro", 500);

	public BackendCapacity {
		if (remote < 0 || local < 0) {
			throw new IllegalArgumentException("capacity cannot be negative: remote " + remote + ", local " + local);
		}
	}

	/**
	 * The capacity routing can use: both backends when routing may fail over from one to the other, one of them when
	 * routing is pinned to it.
	 * @param mode the routing mode
	 */
	public BackendCapacity usedBy(RoutingMode mode) {
		return switch (mode) {
			case REMOTE -> new BackendCapacity(this.remote, 0);
			case LOCAL -> new BackendCapacity(0, this.local);
			default -> this;
		};
	}

	/** Calls all backends take at once together. */
	public int total() {
		return this.remote + this.local;
	}

	/**
	 * DeepSeek's published per-account concurrency limit of a model (retired names count as the model serving
	 * them), or {@value #UNKNOWN_MODEL_LIMIT} for a model it publishes none for.
	 * @param model a model name of the DeepSeek API
	 */
	public static int publishedLimit(String model) {
		return (model != null) ? PUBLISHED.getOrDefault(model, UNKNOWN_MODEL_LIMIT) : UNKNOWN_MODEL_LIMIT;
	}

}
