package io.github.deepseekspring.rag.embedding;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.util.Assert;

/**
 * A Spring AI {@link EmbeddingModel} run in process with ONNX Runtime, from a model shipped inside a Maven Central
 * artifact: nothing is downloaded at run time. It embeds text as given; the retrieval instruction that a model card
 * prescribes before queries is the {@link Embedder}'s business ({@link #queryInstruction()}).
 */
public final class OnnxEmbeddingModel implements EmbeddingModel {

	private static final int BATCH = 32;

	private final BundledModel bundled;

	private final AbstractInProcessEmbeddingModel model;

	private OnnxEmbeddingModel(BundledModel bundled, AbstractInProcessEmbeddingModel model) {
		this.bundled = bundled;
		this.model = model;
	}

	/** bge-small-zh-v1.5: Chinese (and some English), 512 dimensions. */
	public static OnnxEmbeddingModel bgeSmallZh() {
		return new OnnxEmbeddingModel(BundledModel.BGE_SMALL_ZH, new BgeSmallZhV15EmbeddingModel());
	}

	/** bge-small-en-v1.5, quantised: English, 384 dimensions. */
	public static OnnxEmbeddingModel bgeSmallEn() {
		return new OnnxEmbeddingModel(BundledModel.BGE_SMALL_EN, new BgeSmallEnV15QuantizedEmbeddingModel());
	}

	@Override
	public EmbeddingResponse call(EmbeddingRequest request) {
		List<String> texts = request.getInstructions();
		List<Embedding> embeddings = new ArrayList<>(texts.size());
		for (int start = 0; start < texts.size(); start += BATCH) {
			List<TextSegment> batch = texts.subList(start, Math.min(texts.size(), start + BATCH))
				.stream()
				.map(TextSegment::from)
				.toList();
			for (var embedding : this.model.embedAll(batch).content()) {
				embeddings.add(new Embedding(embedding.vector(), embeddings.size()));
			}
		}
		return new EmbeddingResponse(embeddings);
	}

	@Override
	public float[] embed(Document document) {
		Assert.notNull(document.getText(), "only text documents can be embedded");
		return embed(document.getText());
	}

	@Override
	public int dimensions() {
		return this.bundled.dimensions();
	}

	/** What the model card says to put before a short query when retrieving passages. */
	public String queryInstruction() {
		return this.bundled.queryInstruction();
	}

	/** The model's name, e.g. {@code bge-small-zh-v1.5}. */
	public String modelName() {
		return this.bundled.modelName();
	}

}
