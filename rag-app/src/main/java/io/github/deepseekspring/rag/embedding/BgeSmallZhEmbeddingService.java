package io.github.deepseekspring.rag.embedding;

import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;

/**
 * bge-small-zh-v1.5 run in process with ONNX Runtime, from the model shipped inside a Maven Central artifact:
 * nothing is downloaded at run time. The model card prescribes CLS pooling and L2 normalisation (which this model
 * class applies), and an instruction before short queries when retrieving passages.
 */
public final class BgeSmallZhEmbeddingService implements EmbeddingService {

	/** The query instruction from the bge-small-zh-v1.5 model card, for short-query-to-passage retrieval. */
	static final String QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";

	private static final int DIMENSIONS = 512;

	private static final int BATCH = 32;

	private final BgeSmallZhV15EmbeddingModel model = new BgeSmallZhV15EmbeddingModel();

	@Override
	public List<float[]> embedPassages(List<String> passages) {
		List<float[]> vectors = new ArrayList<>(passages.size());
		for (int start = 0; start < passages.size(); start += BATCH) {
			List<TextSegment> batch = passages.subList(start, Math.min(passages.size(), start + BATCH))
				.stream()
				.map(TextSegment::from)
				.toList();
			this.model.embedAll(batch).content().forEach((embedding) -> vectors.add(embedding.vector()));
		}
		return vectors;
	}

	@Override
	public float[] embedQuery(String query) {
		return this.model.embed(QUERY_INSTRUCTION + query).content().vector();
	}

	@Override
	public int dimensions() {
		return DIMENSIONS;
	}

}
