package io.github.deepseekspring.benchmarks;

import java.util.ArrayList;
import java.util.List;

import io.github.deepseekspring.rag.embedding.Embedder;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/**
 * The knowledge base's embedding model (one instance, shared) behind Spring AI's {@link EmbeddingModel}, so both
 * ingestion paths pay exactly the same inference cost per text.
 */
final class SpringAiEmbeddingAdapter implements EmbeddingModel {

	private final Embedder embeddings;

	SpringAiEmbeddingAdapter(Embedder embeddings) {
		this.embeddings = embeddings;
	}

	@Override
	public EmbeddingResponse call(EmbeddingRequest request) {
		List<float[]> vectors = this.embeddings.embedPassages(request.getInstructions());
		List<Embedding> results = new ArrayList<>(vectors.size());
		for (int i = 0; i < vectors.size(); i++) {
			results.add(new Embedding(vectors.get(i), i));
		}
		return new EmbeddingResponse(results);
	}

	@Override
	public float[] embed(Document document) {
		return this.embeddings.embedPassages(List.of(document.getText())).get(0);
	}

	@Override
	public int dimensions() {
		return this.embeddings.dimensions();
	}

}
