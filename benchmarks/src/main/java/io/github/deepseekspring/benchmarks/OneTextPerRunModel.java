package io.github.deepseekspring.benchmarks;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/**
 * bge-small-zh-v1.5 run the way the knowledge base ran it before batching: langchain4j's in-process model, one text
 * per ONNX run (its {@code embedAll} spreads single texts over a thread pool), ONNX Runtime's default threads. The
 * "before" of the batching lever, as a Spring AI {@link EmbeddingModel} so that either pipeline can use it.
 */
final class OneTextPerRunModel implements EmbeddingModel {

	private final AbstractInProcessEmbeddingModel model = new BgeSmallZhV15EmbeddingModel();

	@Override
	public EmbeddingResponse call(EmbeddingRequest request) {
		List<Embedding> embeddings = new ArrayList<>();
		List<TextSegment> segments = request.getInstructions().stream().map(TextSegment::from).toList();
		for (var embedding : this.model.embedAll(segments).content()) {
			embeddings.add(new Embedding(embedding.vector(), embeddings.size()));
		}
		return new EmbeddingResponse(embeddings);
	}

	@Override
	public float[] embed(Document document) {
		return embed(document.getText());
	}

	@Override
	public int dimensions() {
		return 512;
	}

}
