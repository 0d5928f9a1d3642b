package io.github.deepseekspring.rag.embedding;

import java.util.ArrayList;
import java.util.List;

import io.github.deepseekspring.local.LocalRuntime;
import io.github.deepseekspring.local.LocalRuntimeException;

/**
 * Embeddings from the local runtime's embedding endpoint ({@code POST /api/embed} on Ollama, {@code /v1/embeddings}
 * on OpenAI-compatible servers) through the starter's {@link LocalRuntime} client, so a pool, its retries and its
 * timeouts apply. Passages go in batches of {@code deepseek.rag.embedding.batch-size}; every vector is scaled to unit
 * length (the store's cosine search expects it, and not every runtime normalises). The vector size is configured or
 * learned from the runtime once.
 */
public final class LocalRuntimeEmbeddingService implements EmbeddingService {

	private static final String PROBE = "维度探测 dimension probe";

	private final LocalRuntime runtime;

	private final String model;

	private final int batchSize;

	private volatile int dimensions;

	public LocalRuntimeEmbeddingService(LocalRuntime runtime, EmbeddingProperties properties) {
		this.runtime = runtime;
		this.model = properties.model();
		this.batchSize = properties.batchSize();
		this.dimensions = (properties.dimensions() != null) ? properties.dimensions() : 0;
	}

	@Override
	public List<float[]> embedPassages(List<String> passages) {
		List<float[]> vectors = new ArrayList<>(passages.size());
		for (int start = 0; start < passages.size(); start += this.batchSize) {
			vectors.addAll(embed(passages.subList(start, Math.min(passages.size(), start + this.batchSize))));
		}
		return vectors;
	}

	@Override
	public float[] embedQuery(String query) {
		return embed(List.of(query)).get(0);
	}

	@Override
	public int dimensions() {
		if (this.dimensions == 0) {
			synchronized (this) {
				if (this.dimensions == 0) {
					this.dimensions = call(List.of(PROBE)).get(0).length;
				}
			}
		}
		return this.dimensions;
	}

	private List<float[]> embed(List<String> texts) {
		List<float[]> vectors = call(texts);
		if (this.dimensions == 0) {
			// the first answer tells the size; no separate probe needed
			this.dimensions = vectors.get(0).length;
		}
		int expected = this.dimensions;
		List<float[]> unit = new ArrayList<>(vectors.size());
		for (float[] vector : vectors) {
			if (vector.length != expected) {
				throw new EmbeddingMismatchException("The local runtime's model " + this.model + " made a "
						+ vector.length + "-dimension vector where " + expected + " were expected: check "
						+ "deepseek.rag.embedding.model and deepseek.rag.embedding.dimensions");
			}
			unit.add(normalised(vector));
		}
		return unit;
	}

	private List<float[]> call(List<String> texts) {
		List<float[]> vectors;
		try {
			vectors = this.runtime.embed(this.model, texts).vectors();
		}
		catch (LocalRuntimeException ex) {
			throw new EmbeddingUnavailableException("The local runtime could not embed with " + this.model
					+ " (deepseek.rag.embedding.model): " + ex.getMessage(), ex);
		}
		if (vectors == null || vectors.size() != texts.size()) {
			throw new EmbeddingUnavailableException("The local runtime returned "
					+ ((vectors != null) ? vectors.size() : 0) + " vectors for " + texts.size() + " texts from "
					+ this.model + " (deepseek.rag.embedding.model)");
		}
		return vectors;
	}

	private static float[] normalised(float[] vector) {
		double sum = 0;
		for (float value : vector) {
			sum += (double) value * value;
		}
		if (sum == 0) {
			return vector;
		}
		double length = Math.sqrt(sum);
		float[] unit = new float[vector.length];
		for (int i = 0; i < vector.length; i++) {
			unit[i] = (float) (vector[i] / length);
		}
		return unit;
	}

}
