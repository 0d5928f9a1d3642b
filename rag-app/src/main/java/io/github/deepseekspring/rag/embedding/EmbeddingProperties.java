package io.github.deepseekspring.rag.embedding;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which model turns text into vectors. Every vector in one index comes from one model: switching the provider or
 * the model of an existing knowledge base needs an empty index (another {@code deepseek.rag.data-dir} or
 * {@code deepseek.rag.elasticsearch.alias}) and a re-ingest; start-up and ingestion refuse a model whose vector size
 * differs from the index's, naming these properties.
 *
 * @param provider where embeddings come from: {@code onnx} (default; bge-small-zh-v1.5 in process, offline, 512
 * dimensions) or {@code local-runtime} (the local runtime's embedding endpoint, {@code /api/embed} on Ollama, through
 * the starter's client configured by {@code deepseek.local.base-url} or {@code deepseek.local.endpoints})
 * @param model embedding model on the local runtime (provider {@code local-runtime}); default {@code bge-m3}
 * @param batchSize passages per embedding request to the local runtime; default 32
 * @param dimensions vector size of the local runtime's model; when unset it is learned from the runtime with one
 * short request when first needed (set it to open an Elasticsearch index while the runtime is away)
 */
@ConfigurationProperties("deepseek.rag.embedding")
public record EmbeddingProperties(Provider provider, String model, Integer batchSize, Integer dimensions) {

	/** The local runtime's default embedding model: multilingual, strong on Chinese. */
	public static final String DEFAULT_MODEL = "bge-m3";

	public EmbeddingProperties {
		provider = (provider != null) ? provider : Provider.ONNX;
		model = (model != null && !model.isBlank()) ? model : DEFAULT_MODEL;
		batchSize = (batchSize != null) ? batchSize : 32;
		if (batchSize < 1) {
			throw new IllegalArgumentException("deepseek.rag.embedding.batch-size must be at least 1, was " + batchSize);
		}
		if (dimensions != null && dimensions < 1) {
			throw new IllegalArgumentException("deepseek.rag.embedding.dimensions must be at least 1, was " + dimensions);
		}
	}

	/** The defaults: the offline ONNX model. */
	public static EmbeddingProperties defaults() {
		return new EmbeddingProperties(null, null, null, null);
	}

	/** The provider and model as a user would configure them, for messages. */
	public String describe() {
		return switch (this.provider) {
			case ONNX -> "deepseek.rag.embedding.provider=onnx (bge-small-zh-v1.5)";
			case LOCAL_RUNTIME -> "deepseek.rag.embedding.provider=local-runtime (deepseek.rag.embedding.model="
					+ this.model + ")";
		};
	}

	/** Where embeddings come from. */
	public enum Provider {

		/** bge-small-zh-v1.5 run in process with ONNX Runtime; offline, 512 dimensions. */
		ONNX,
		/** The local runtime's embedding endpoint ({@code /api/embed} on Ollama, {@code /v1/embeddings} otherwise). */
		LOCAL_RUNTIME

	}

}
