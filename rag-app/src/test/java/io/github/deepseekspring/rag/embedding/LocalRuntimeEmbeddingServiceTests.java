package io.github.deepseekspring.rag.embedding;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.github.deepseekspring.local.LocalRuntime;
import io.github.deepseekspring.local.LocalRuntimes;
import io.github.deepseekspring.testkit.RecordedRequest;
import io.github.deepseekspring.testkit.junit.SimulatorsExtension;
import io.github.deepseekspring.testkit.ollama.OllamaSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Embeddings from the local runtime's {@code /api/embed}, against the Ollama simulator. */
@ExtendWith(SimulatorsExtension.class)
class LocalRuntimeEmbeddingServiceTests {

	private final OllamaSimulator ollama;

	private final LocalRuntime runtime;

	LocalRuntimeEmbeddingServiceTests(OllamaSimulator ollama) {
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
	void embedsPassagesInBatchesInInputOrder() {
		LocalRuntimeEmbeddingService embeddings = service("bge-m3", 32, null);
		List<String> passages = IntStream.range(0, 70).mapToObj((i) -> "第 " + i + " 段：路由器保修两年").toList();
		this.ollama.requests().clear();

		List<float[]> vectors = embeddings.embedPassages(passages);

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
		assertThat(embeddings.dimensions()).isEqualTo(1024);
		assertThat(this.ollama.requests().count("/api/embed")).as("no probe once the size is known").isEqualTo(3);
		assertThat(vectors.get(69)).containsExactly(embeddings.embedQuery(passages.get(69)));
		assertThat(vectors).allSatisfy((vector) -> assertThat(length(vector)).isCloseTo(1.0, within(1e-4)));
	}

	@Test
	void similarTextsScoreHigherThanUnrelatedOnes() {
		LocalRuntimeEmbeddingService embeddings = service("bge-m3", 8, null);
		List<float[]> passages = embeddings.embedPassages(List.of("YF-AX3000 路由器保修期为两年", "快递满 99 元免运费"));
		float[] query = embeddings.embedQuery("YF-AX3000 保修期");

		assertThat(dot(query, passages.get(0))).isGreaterThan(dot(query, passages.get(1)));
	}

	@Test
	void configuredDimensionsSaveTheProbeAndAreChecked() {
		LocalRuntimeEmbeddingService embeddings = service("nomic-embed-text", 32, 768);
		this.ollama.withModel("nomic-embed-text");
		this.ollama.requests().clear();

		assertThat(embeddings.dimensions()).isEqualTo(768);
		assertThat(this.ollama.requests().count("/api/embed")).isZero();
		assertThat(embeddings.embedQuery("保修")).hasSize(768);

		LocalRuntimeEmbeddingService wrong = service("nomic-embed-text", 32, 1024);
		assertThatThrownBy(() -> wrong.embedQuery("保修")).isInstanceOf(EmbeddingMismatchException.class)
			.hasMessageContaining("768-dimension")
			.hasMessageContaining("deepseek.rag.embedding.dimensions");
	}

	@Test
	void aMissingModelIsReportedWithItsProperty() {
		LocalRuntimeEmbeddingService embeddings = service("not-installed-embed", 32, null);

		assertThatThrownBy(() -> embeddings.embedPassages(List.of("保修"))).isInstanceOf(EmbeddingUnavailableException.class)
			.hasMessageContaining("not-installed-embed")
			.hasMessageContaining("deepseek.rag.embedding.model");
	}

	@Test
	void anUnreachableRuntimeIsReportedAsUnavailable() {
		String stopped;
		try (OllamaSimulator gone = OllamaSimulator.start()) {
			stopped = gone.baseUrl().toString();
		}
		try (LocalRuntime away = LocalRuntimes.builder()
			.endpoint(stopped)
			.connectTimeout(Duration.ofSeconds(1))
			.healthCheckInterval(Duration.ZERO)
			.build()) {
			LocalRuntimeEmbeddingService embeddings = new LocalRuntimeEmbeddingService(away,
					new EmbeddingProperties(EmbeddingProperties.Provider.LOCAL_RUNTIME, "bge-m3", 32, null));

			assertThatThrownBy(embeddings::dimensions).isInstanceOf(EmbeddingUnavailableException.class)
				.hasMessageContaining("deepseek.rag.embedding.model");
		}
	}

	private LocalRuntimeEmbeddingService service(String model, int batchSize, Integer dimensions) {
		return new LocalRuntimeEmbeddingService(this.runtime,
				new EmbeddingProperties(EmbeddingProperties.Provider.LOCAL_RUNTIME, model, batchSize, dimensions));
	}

	private static double length(float[] vector) {
		return Math.sqrt(dot(vector, vector));
	}

	private static double dot(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += (double) a[i] * b[i];
		}
		return sum;
	}

}
