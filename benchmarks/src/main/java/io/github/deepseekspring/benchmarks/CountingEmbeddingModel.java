package io.github.deepseekspring.benchmarks;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/** An embedding model that counts the characters it is given, so that the paths' embedding work can be compared. */
final class CountingEmbeddingModel implements EmbeddingModel {

	private final EmbeddingModel model;

	private final AtomicLong characters = new AtomicLong();

	CountingEmbeddingModel(EmbeddingModel model) {
		this.model = model;
	}

	@Override
	public EmbeddingResponse call(EmbeddingRequest request) {
		request.getInstructions().forEach((text) -> this.characters.addAndGet(text.length()));
		return this.model.call(request);
	}

	@Override
	public float[] embed(Document document) {
		this.characters.addAndGet(document.getText().length());
		return this.model.embed(document);
	}

	@Override
	public int dimensions() {
		return this.model.dimensions();
	}

	/** The characters counted since the last call, and a fresh count. */
	long takeCharacters() {
		return this.characters.getAndSet(0);
	}

}
