package io.github.deepseekspring.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.deepseekspring.rag.embedding.Embedder;

/** Query vectors computed once up front, so a search benchmark measures the stores and the fusion, not the model. */
final class PrecomputedQueries implements Embedder {

	private final Map<String, float[]> vectors;

	private final int dimensions;

	PrecomputedQueries(Embedder model, List<String> queries) {
		this.vectors = queries.stream().distinct().collect(Collectors.toMap(Function.identity(), model::embedQuery));
		this.dimensions = model.dimensions();
	}

	@Override
	public List<float[]> embedPassages(List<String> passages) {
		throw new UnsupportedOperationException("queries only");
	}

	@Override
	public float[] embedQuery(String query) {
		float[] vector = this.vectors.get(query);
		if (vector == null) {
			throw new IllegalArgumentException("not precomputed: " + query);
		}
		return vector;
	}

	@Override
	public int dimensions() {
		return this.dimensions;
	}

}
