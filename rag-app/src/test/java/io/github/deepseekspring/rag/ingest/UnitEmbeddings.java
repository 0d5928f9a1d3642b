package io.github.deepseekspring.rag.ingest;

import java.util.List;

import io.github.deepseekspring.rag.embedding.EmbeddingService;

/** Every text gets the first unit vector of the given size: for ingestion tests that never search by meaning. */
record UnitEmbeddings(int dimensions) implements EmbeddingService {

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

}
