package io.github.deepseekspring.rag.embedding;

import java.util.List;

/**
 * Every text gets the first unit vector of the given size: for ingestion, store and wiring tests that never search by
 * meaning.
 */
public record UnitEmbeddings(int dimensions) implements Embedder {

	@Override
	public List<float[]> embedPassages(List<String> passages) {
		return passages.stream().map(this::embedQuery).toList();
	}

	@Override
	public float[] embedQuery(String query) {
		float[] vector = new float[this.dimensions];
		vector[0] = 1;
		return vector;
	}

	@Override
	public String description() {
		return "unit-" + this.dimensions;
	}

}
