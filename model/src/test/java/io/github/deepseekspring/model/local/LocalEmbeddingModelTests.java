package io.github.deepseekspring.model.local;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.github.deepseekspring.local.LocalRuntime;
import io.github.deepseekspring.local.LocalRuntimeException;
import io.github.deepseekspring.local.LocalRuntimes;
import io.github.deepseekspring.testkit.RecordedRequest;
import io.github.deepseekspring.testkit.junit.SimulatorsExtension;
import io.github.deepseekspring.testkit.ollama.OllamaSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.EmbeddingRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local runtime's {@code /api/embed} as a Spring AI {@code EmbeddingModel}, against the Ollama simulator. */
@ExtendWith(SimulatorsExtension.class)
class LocalEmbeddingModelTests {

	private final OllamaSimulator ollama;

	private final LocalRuntime runtime;

	LocalEmbeddingModelTests(OllamaSimulator ollama) {
		this.ollama = ollama;
		this.runtime = LocalRuntimes.builder()
			.protocol("ollama")
			.endpoint(ollama.baseUrl().toString())
			.healthCheckInterval(Duration.ZERO)
			.build();
	}

	@AfterEach
	void close() {
		this.runtime.close();
	}

	@Test
	void embedsTextsInBatchesInInputOrder() {
		LocalEmbeddingModel model = new LocalEmbeddingModel(this.runtime, "bge-m3", 32, 0);
		List<String> texts = IntStream.range(0, 70).mapToObj((i) -> "第 " + i + " 段：路由器保修两年").toList();
		this.ollama.requests().clear();

		List<float[]> vectors = model.embed(texts);

		assertThat(vectors).hasSize(70);
		// 32 + 32 + 6, the size learned from the first answer
		List<RecordedRequest> requests = this.ollama.requests()
			.all()
			.stream()
			.filter((request) -> request.path().equals("/api/embed"))
			.toList();
		assertThat(requests).hasSize(3);
		assertThat(requests.get(0).json().get("input")).hasSize(32);
		assertThat(requests.get(2).json().get("input")).hasSize(6);
		assertThat(requests.get(2).json().get("model").asString()).isEqualTo("bge-m3");
		assertThat(model.dimensions()).isEqualTo(1024);
		assertThat(this.ollama.requests().count("/api/embed")).as("no probe once the size is known").isEqualTo(3);
		assertThat(vectors.get(69)).containsExactly(model.embed(texts.get(69)));
	}

	@Test
	void similarTextsScoreHigherThanUnrelatedOnes() {
		LocalEmbeddingModel model = new LocalEmbeddingModel(this.runtime, "bge-m3", 8, 0);
		List<float[]> passages = model.embed(List.of("YF-AX3000 路由器保修期为两年", "快递满 99 元免运费"));
		float[] query = model.embed("YF-AX3000 保修期");

		assertThat(cosine(query, passages.get(0))).isGreaterThan(cosine(query, passages.get(1)));
	}

	@Test
	void configuredDimensionsSaveTheProbe() {
		LocalEmbeddingModel model = new LocalEmbeddingModel(this.runtime, "nomic-embed-text", 32, 768);
		this.ollama.withModel("nomic-embed-text");
		this.ollama.requests().clear();

		assertThat(model.dimensions()).isEqualTo(768);
		assertThat(this.ollama.requests().count("/api/embed")).isZero();
		assertThat(model.embed("保修")).hasSize(768);
	}

	@Test
	void aRequestMayNameAnotherModel() {
		LocalEmbeddingModel model = new LocalEmbeddingModel(this.runtime, "bge-m3", 32, 0);
		this.ollama.withModel("nomic-embed-text");

		float[] vector = model
			.call(new EmbeddingRequest(List.of("保修"), EmbeddingOptions.builder().model("nomic-embed-text").build()))
			.getResult()
			.getOutput();

		assertThat(vector).hasSize(768);
		assertThat(model.dimensions()).as("another model's answer does not set this one's size").isEqualTo(1024);
	}

	@Test
	void aMissingModelOrAnUnreachableRuntimeIsTheClientsError() {
		LocalEmbeddingModel missing = new LocalEmbeddingModel(this.runtime, "not-installed-embed", 32, 0);
		assertThatThrownBy(() -> missing.embed(List.of("保修"))).isInstanceOf(LocalRuntimeException.class)
			.hasMessageContaining("not-installed-embed");

		String stopped;
		try (OllamaSimulator gone = OllamaSimulator.start()) {
			stopped = gone.baseUrl().toString();
		}
		try (LocalRuntime away = LocalRuntimes.builder()
			.endpoint(stopped)
			.connectTimeout(Duration.ofSeconds(1))
			.healthCheckInterval(Duration.ZERO)
			.build()) {
			assertThatThrownBy(new LocalEmbeddingModel(away, "bge-m3", 32, 0)::dimensions)
				.isInstanceOf(LocalRuntimeException.class);
		}
	}

	private static double cosine(float[] a, float[] b) {
		return dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
	}

	private static double dot(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += (double) a[i] * b[i];
		}
		return sum;
	}

}
