package io.github.deepseekspring.benchmarks;

import java.util.List;

import io.github.deepseekspring.rag.embedding.Embedder;

/**
 * Near-free stand-in vectors (a unit vector picked by the text's hash), to measure what a pipeline costs besides the
 * embedding model: parsing, chunking and storing.
 */
final class HashedVectors implements Embedder {

	private static final int DIMENSIONS = 512;

	@Override
	public List<float[]> embedPassages(List<String> passages) {
		return passages.stream().map(this::embedQuery).toList();
	}

	@Override
	public float[] embedQuery(String query) {
		float[] vector = new float[DIMENSIONS];
		vector[Math.floorMod(query.hashCode(), DIMENSIONS)] = 1;
		return vector;
	}

	@Override
	public int dimensions() {
		return DIMENSIONS;
	}

}
