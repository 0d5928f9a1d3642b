package io.github.deepseekspring.rag.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

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
 *
 * <p>Inference is batched ({@link OnnxBatchEncoder}): many texts per run, sorted by length (one text per run for the
 * quantised English model, whose vectors would depend on their batch), one thread per run and one run per core;
 * concurrent calls share runs ({@link CoalescingEncoder}). The rare text over the model's 512 tokens is
 * embedded in parts by langchain4j's encoder for the same model, loaded the first time one comes, so every text gets
 * the vector it got before batching.
 */
public final class OnnxEmbeddingModel implements EmbeddingModel, AutoCloseable {

	/** Texts worth handing over in one call: the model plans its own batches, so larger calls sort better. */
	public static final int TEXTS_PER_CALL = 256;

	private final BundledModel bundled;

	private final OnnxBatchEncoder encoder;

	private final CoalescingEncoder shared;

	private OnnxEmbeddingModel(BundledModel bundled, Supplier<AbstractInProcessEmbeddingModel> inParts) {
		this.bundled = bundled;
		LongTexts longTexts = new LongTexts(inParts);
		this.encoder = new OnnxBatchEncoder(bundled.modelName() + ".onnx", bundled.modelName() + "-tokenizer.json",
				bundled.dimensions(), bundled.batchable(), longTexts::embed);
		this.shared = new CoalescingEncoder(this.encoder, Runtime.getRuntime().availableProcessors());
	}

	/** bge-small-zh-v1.5: Chinese (and some English), 512 dimensions. */
	public static OnnxEmbeddingModel bgeSmallZh() {
		return new OnnxEmbeddingModel(BundledModel.BGE_SMALL_ZH, BgeSmallZhV15EmbeddingModel::new);
	}

	/** bge-small-en-v1.5, quantised: English, 384 dimensions. */
	public static OnnxEmbeddingModel bgeSmallEn() {
		return new OnnxEmbeddingModel(BundledModel.BGE_SMALL_EN, BgeSmallEnV15QuantizedEmbeddingModel::new);
	}

	@Override
	public EmbeddingResponse call(EmbeddingRequest request) {
		List<float[]> vectors = this.shared.embed(request.getInstructions());
		List<Embedding> embeddings = new ArrayList<>(vectors.size());
		for (float[] vector : vectors) {
			embeddings.add(new Embedding(vector, embeddings.size()));
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

	@Override
	public void close() {
		this.encoder.close();
	}

	/** langchain4j's encoder of the same model, for texts over 512 tokens: it averages the parts' vectors. */
	private static final class LongTexts {

		private final Supplier<AbstractInProcessEmbeddingModel> loader;

		private volatile AbstractInProcessEmbeddingModel model;

		LongTexts(Supplier<AbstractInProcessEmbeddingModel> loader) {
			this.loader = loader;
		}

		float[] embed(String text) {
			AbstractInProcessEmbeddingModel loaded = this.model;
			if (loaded == null) {
				synchronized (this) {
					if (this.model == null) {
						this.model = this.loader.get();
					}
					loaded = this.model;
				}
			}
			return UnitVectors.normalised(loaded.embed(text).content().vector());
		}

	}

}
