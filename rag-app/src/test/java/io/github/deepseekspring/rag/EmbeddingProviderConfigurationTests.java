package io.github.deepseekspring.rag;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.deepseekspring.local.LocalRuntime;
import io.github.deepseekspring.local.LocalRuntimes;
import io.github.deepseekspring.rag.embedding.EmbeddingMismatchException;
import io.github.deepseekspring.rag.embedding.EmbeddingProperties;
import io.github.deepseekspring.rag.embedding.EmbeddingService;
import io.github.deepseekspring.rag.embedding.LocalRuntimeEmbeddingService;
import io.github.deepseekspring.rag.ingest.DocumentFormat;
import io.github.deepseekspring.rag.ingest.IngestionService;
import io.github.deepseekspring.rag.retrieval.HybridRetriever;
import io.github.deepseekspring.rag.retrieval.SearchMode;
import io.github.deepseekspring.rag.store.KnowledgeChunk;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import io.github.deepseekspring.rag.store.lucene.LuceneKnowledgeStore;
import io.github.deepseekspring.testkit.junit.SimulatorsExtension;
import io.github.deepseekspring.testkit.ollama.OllamaSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code deepseek.rag.embedding.provider=local-runtime}: wiring, and refusal of an index built with another model. */
@ExtendWith(SimulatorsExtension.class)
class EmbeddingProviderConfigurationTests {

	@TempDir
	Path dataDir;

	private final OllamaSimulator ollama;

	EmbeddingProviderConfigurationTests(OllamaSimulator ollama) {
		this.ollama = ollama;
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withUserConfiguration(Properties.class, KnowledgeBaseConfiguration.class)
			.withBean(KnowledgeStore.class, () -> LuceneKnowledgeStore.open(this.dataDir.resolve("lucene")))
			.withPropertyValues("deepseek.rag.embedding.provider=local-runtime");
	}

	private ApplicationContextRunner withRuntime(ApplicationContextRunner runner) {
		return runner.withBean(LocalRuntime.class, () -> LocalRuntimes.builder()
			.endpoint(this.ollama.baseUrl().toString())
			.healthCheckInterval(Duration.ZERO)
			.build());
	}

	@Test
	void ingestsAndSearchesWithTheLocalRuntimesModel() {
		withRuntime(runner()).withPropertyValues("deepseek.rag.embedding.model=nomic-embed-text").run((context) -> {
			this.ollama.withModel("nomic-embed-text");
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(EmbeddingService.class)).isInstanceOf(LocalRuntimeEmbeddingService.class);

			context.getBean(IngestionService.class)
				.ingest("# 保修\n\nYF-Q7 路由器主机保修三年。\n\n# 运费\n\n满 99 元免运费。".getBytes(UTF_8),
						DocumentFormat.MARKDOWN, "policy.md", "售后");

			assertThat(context.getBean(KnowledgeStore.class).vectorDimensions()).hasValue(768);
			assertThat(context.getBean(HybridRetriever.class).search("路由器保修", 1, SearchMode.VECTOR))
				.singleElement()
				.satisfies((hit) -> assertThat(hit.text()).contains("保修三年"));
			assertThat(this.ollama.requests().all())
				.anySatisfy((request) -> assertThat(request.json().path("model").asString())
					.isEqualTo("nomic-embed-text"));
		});
	}

	@Test
	void withoutALocalRuntimeStartUpNamesWhatToSet() {
		runner().run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("deepseek.rag.embedding.provider=local-runtime")
			.hasMessageContaining("deepseek.local.base-url"));
	}

	@Test
	void startUpRefusesAnIndexBuiltWithAnotherModel() {
		try (LuceneKnowledgeStore offline = LuceneKnowledgeStore.open(this.dataDir.resolve("lucene"))) {
			float[] vector = new float[512];
			vector[0] = 1;
			offline.replaceDocument("doc", List.of(new KnowledgeChunk("doc#0", "doc", 0, "售后", null, "保修三年",
					"policy.md", null, "c0", "v1", vector)));
		}

		withRuntime(runner()).run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.isInstanceOf(EmbeddingMismatchException.class)
			.hasMessageContaining("512-dimension")
			.hasMessageContaining("1024-dimension")
			.hasMessageContaining("deepseek.rag.embedding.provider=local-runtime")
			.hasMessageContaining("deepseek.rag.data-dir"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ RagProperties.class, EmbeddingProperties.class })
	static class Properties {

	}

}
