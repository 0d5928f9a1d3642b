package io.github.deepseekspring.model.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.deepseekspring.local.LocalRuntime;

import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.embedding.EmbeddingResponseMetadata;
import org.springframework.util.Assert;

/**
 * A Spring AI {@link EmbeddingModel} on the local runtime's embedding endpoint ({@code POST /api/embed} on Ollama,
 * {@code /v1/embeddings} on OpenAI-compatible servers) through the {@link LocalRuntime} client, so a pool, its
 * retries and its timeouts apply. Texts go in batches; a request's options may name another model. The vector size
 * is configured or learned from the first answer. Failures surface as the client's {@code LocalRuntimeException}s.
 */
public final class LocalEmbeddingModel implements EmbeddingModel {

	private static final String PROBE = "维度探测 dimension probe";

	private final LocalRuntime runtime;

	private final String model;

	private final int batchSize;

	private volatile int dimensions;

	/**
	 * @param runtime the local runtime client
	 * @param model the embedding model, e.g. {@code bge-m3}
	 * @param batchSize texts per request
	 * @param dimensions the model's vector size, or 0 to learn it from the runtime
	 */
	public LocalEmbeddingModel(LocalRuntime runtime, String model, int batchSize, int dimensions) {
		Assert.hasText(model, "an embedding model name is required");
		Assert.isTrue(batchSize > 0, "batchSize must be at least 1");
		this.runtime = Objects.requireNonNull(runtime);
		this.model = model;
		this.batchSize = batchSize;
		this.dimensions = Math.max(dimensions, 0);
	}

	@Override
	public EmbeddingResponse call(EmbeddingRequest request) {
		String requestedModel = modelOf(request.getOptions());
		List<String> texts = request.getInstructions();
		List<Embedding> embeddings = new ArrayList<>(texts.size());
		for (int start = 0; start < texts.size(); start += this.batchSize) {
			List<String> batch = texts.subList(start, Math.min(texts.size(), start + this.batchSize));
			List<float[]> vectors = this.runtime.embed(requestedModel, batch).vectors();
			if (vectors == null || vectors.size() != batch.size()) {
				throw new IllegalStateException("The local runtime returned " + ((vectors != null) ? vectors.size() : 0)
						+ " vectors for " + batch.size() + " texts from " + requestedModel);
			}
			for (float[] vector : vectors) {
				embeddings.add(new Embedding(vector, embeddings.size()));
			}
		}
		if (this.dimensions == 0 && !embeddings.isEmpty() && requestedModel.equals(this.model)) {
			this.dimensions = embeddings.get(0).getOutput().length;
		}
		return new EmbeddingResponse(embeddings, new EmbeddingResponseMetadata(requestedModel, new EmptyUsage()));
	}

	@Override
	public float[] embed(Document document) {
		Assert.notNull(document.getText(), "only text documents can be embedded");
		return embed(document.getText());
	}

	@Override
	public int dimensions() {
		if (this.dimensions == 0) {
			embed(PROBE);
		}
		return this.dimensions;
	}

	/** The model this embedding model uses when a request names none. */
	public String model() {
		return this.model;
	}

	private String modelOf(EmbeddingOptions options) {
		return (options != null && options.getModel() != null && !options.getModel().isBlank()) ? options.getModel()
				: this.model;
	}

}
