package io.github.deepseekspring.rag.store;

import java.util.List;

import io.github.deepseekspring.rag.embedding.EmbeddingService;

/** Embeddings of a fixed size for wiring tests that never search by meaning: every text gets the first unit vector. */
record FixedSizeEmbeddings(int dimensions) implements EmbeddingService {

	@Override
	public List<float[]> embedPassages(List<String> passages) {
		return passages.stream().map((passage) -> embedQuery(passage)).toList();
	}

	@Override
	public float[] embedQuery(String query) {
		float[] vector = new float[this.dimensions];
		vector[0] = 1;
		return vector;
	}

}
