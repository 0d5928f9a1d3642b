package io.github.deepseekspring.benchmarks;

import java.util.ArrayList;
import java.util.List;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/**
 * Near-free stand-in vectors (a unit vector picked by the text's hash), to measure what a pipeline costs besides the
 * embedding model: parsing, chunking and storing.
 */
final class HashedVectors implements EmbeddingModel {

	private static final int DIMENSIONS = 512;

	@Override
	public EmbeddingResponse call(EmbeddingRequest request) {
		List<Embedding> embeddings = new ArrayList<>();
		for (String text : request.getInstructions()) {
			embeddings.add(new Embedding(vector(text), embeddings.size()));
		}
		return new EmbeddingResponse(embeddings);
	}

	@Override
	public float[] embed(Document document) {
		return vector(document.getText());
	}

	@Override
	public int dimensions() {
		return DIMENSIONS;
	}

	private static float[] vector(String text) {
		float[] vector = new float[DIMENSIONS];
		vector[Math.floorMod(text.hashCode(), DIMENSIONS)] = 1;
		return vector;
	}

}
