package io.github.deepseekspring.rag.embedding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;

/**
 * Embeds passages and queries with a Spring AI {@link EmbeddingModel}: queries get the model's retrieval instruction
 * in front, passages go in batches, and every vector is scaled to unit length (the stores' cosine search expects it,
 * and not every model or runtime normalises). A model that fails, or answers with the wrong number of vectors, is
 * reported as {@link EmbeddingUnavailableException}; one whose vectors change size as
 * {@link EmbeddingMismatchException}. The vectors of the latest queries are kept ({@value #RECENT_QUERIES} of them):
 * a follow-up is searched by several wordings, twice when a model rewrites it, and customers ask the same things.
 */
public final class EmbeddingModelEmbedder implements Embedder {

	private final EmbeddingModel model;

	private final String queryInstruction;

	private final int batchSize;

	private final String description;

	private volatile int dimensions;

	/** Query vectors kept, a few megabytes at most. */
	static final int RECENT_QUERIES = 1024;

	private final Map<String, float[]> recentQueries = Collections
		.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
				return size() > RECENT_QUERIES;
			}

		});

	/**
	 * @param model the model
	 * @param queryInstruction text put before every query (empty for none)
	 * @param batchSize passages per request to the model
	 * @param description the model as a user configures it, for messages
	 */
	public EmbeddingModelEmbedder(EmbeddingModel model, String queryInstruction, int batchSize, String description) {
		if (batchSize < 1) {
			throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
		}
		this.model = model;
		this.queryInstruction = (queryInstruction != null) ? queryInstruction : "";
		this.batchSize = batchSize;
		this.description = description;
	}

	/** The bundled offline model with the instruction from its model card. */
	public static EmbeddingModelEmbedder of(OnnxEmbeddingModel model) {
		return new EmbeddingModelEmbedder(model, model.queryInstruction(), OnnxEmbeddingModel.TEXTS_PER_CALL, model.modelName() + " (onnx)");
	}

	@Override
	public List<float[]> embedPassages(List<String> passages) {
		List<float[]> vectors = new ArrayList<>(passages.size());
		for (int start = 0; start < passages.size(); start += this.batchSize) {
			vectors.addAll(embed(passages.subList(start, Math.min(passages.size(), start + this.batchSize))));
		}
		return vectors;
	}

	@Override
	public float[] embedQuery(String query) {
		float[] known = this.recentQueries.get(query);
		if (known != null) {
			return known.clone();
		}
		float[] vector = embed(List.of(this.queryInstruction + query)).get(0);
		this.recentQueries.put(query, vector.clone());
		return vector;
	}

	@Override
	public int dimensions() {
		if (this.dimensions == 0) {
			try {
				this.dimensions = this.model.dimensions();
			}
			catch (RuntimeException ex) {
				throw unavailable(ex);
			}
		}
		return this.dimensions;
	}

	@Override
	public String description() {
		return this.description;
	}

	private List<float[]> embed(List<String> texts) {
		List<float[]> vectors = call(texts);
		if (this.dimensions == 0) {
			// the first answer tells the size; no separate probe needed
			this.dimensions = vectors.get(0).length;
		}
		int expected = this.dimensions;
		List<float[]> unit = new ArrayList<>(vectors.size());
		for (float[] vector : vectors) {
			if (vector.length != expected) {
				throw new EmbeddingMismatchException("The embedding model " + this.description + " made a "
						+ vector.length + "-dimension vector where " + expected + " were expected");
			}
			unit.add(UnitVectors.normalised(vector));
		}
		return unit;
	}

	private List<float[]> call(List<String> texts) {
		EmbeddingResponse response;
		try {
			response = this.model.call(new EmbeddingRequest(texts, null));
		}
		catch (RuntimeException ex) {
			throw unavailable(ex);
		}
		List<float[]> vectors = response.getResults().stream().map((embedding) -> embedding.getOutput()).toList();
		if (vectors.size() != texts.size()) {
			throw new EmbeddingUnavailableException("The embedding model " + this.description + " returned "
					+ vectors.size() + " vectors for " + texts.size() + " texts");
		}
		return vectors;
	}

	private EmbeddingUnavailableException unavailable(RuntimeException ex) {
		return new EmbeddingUnavailableException(
				"The embedding model " + this.description + " could not embed: " + ex.getMessage(), ex);
	}

}
