package io.github.deepseekspring.rag.embedding;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline embedding model behaves as its model card says: unit vectors of 512 dimensions, meaning-aware, a query
 * instruction that helps short questions find passages.
 */
class OnnxEmbeddingModelTests {

	private static final OnnxEmbeddingModel model = OnnxEmbeddingModel.bgeSmallZh();

	private static final Embedder embeddings = EmbeddingModelEmbedder.of(model);

	@Test
	void vectorsAreUnitLengthWith512Dimensions() {
		List<float[]> vectors = embeddings.embedPassages(List.of("路由器保修两年", "The router has a two-year warranty"));
		for (float[] vector : vectors) {
			assertThat(vector).hasSize(embeddings.dimensions());
			assertThat(norm(vector)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
		}
	}

	@Test
	void similarSentencesScoreHigherThanUnrelatedOnes() {
		float[] query = embeddings.embedQuery("路由器坏了能保修多久？");
		List<float[]> passages = embeddings.embedPassages(List.of("路由器主机自签收之日起保修两年，电源适配器保修一年。",
				"满 99 元免运费，偏远地区另计。", "The router's warranty lasts two years from delivery."));
		double warranty = dot(query, passages.get(0));
		double shipping = dot(query, passages.get(1));
		double englishWarranty = dot(query, passages.get(2));
		assertThat(warranty).isGreaterThan(shipping + 0.1);
		assertThat(englishWarranty).isGreaterThan(shipping);
	}

	@Test
	void isASpringAiEmbeddingModelThatEmbedsTextAsGiven() {
		assertThat(model.dimensions()).isEqualTo(512);
		float[] raw = model.embed("路由器保修两年");
		assertThat(raw).hasSize(512);
		assertThat(dot(UnitVectors.normalised(raw), embeddings.embedPassages(List.of("路由器保修两年")).get(0)))
			.isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
		assertThat(dot(UnitVectors.normalised(raw), embeddings.embedQuery("路由器保修两年")))
			.as("a query carries the model card's instruction, a passage does not")
			.isLessThan(0.999);
	}

	private static double dot(float[] a, float[] b) {
		return UnitVectors.dot(a, b);
	}

	private static double norm(float[] vector) {
		return Math.sqrt(dot(vector, vector));
	}

}
