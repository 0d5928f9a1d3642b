package io.github.deepseekspring.ragstarter.consumer;

import java.nio.file.Path;
import java.util.List;

import io.github.deepseekspring.autoconfigure.DeepSeekAutoConfiguration;
import io.github.deepseekspring.rag.KnowledgeBase;
import io.github.deepseekspring.rag.autoconfigure.RagAutoConfiguration;
import io.github.deepseekspring.rag.embedding.EmbeddingMismatchException;
import io.github.deepseekspring.rag.ingest.DocumentFormat;
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

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two starters together with {@code deepseek.rag.embedding.provider=local-runtime}: the DeepSeek starter's local
 * runtime embedding model (an {@code EmbeddingModel} bean next to the chat model) embeds the knowledge base, and an
 * index built with another model is refused at start-up.
 */
@ExtendWith(SimulatorsExtension.class)
class LocalRuntimeEmbeddingsTests {

	@TempDir
	Path dataDir;

	private final OllamaSimulator ollama;

	LocalRuntimeEmbeddingsTests(OllamaSimulator ollama) {
		this.ollama = ollama;
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DeepSeekAutoConfiguration.class, RagAutoConfiguration.class))
			.withPropertyValues("deepseek.local.base-url=" + this.ollama.baseUrl(),
					"deepseek.rag.embedding.provider=local-runtime", "deepseek.rag.store=lucene",
					"deepseek.rag.data-dir=" + this.dataDir);
	}

	@Test
	void ingestsAndSearchesWithTheLocalRuntimesModel() {
		this.ollama.withModel("nomic-embed-text");
		runner().withPropertyValues("deepseek.local.embedding.model=nomic-embed-text").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeanNamesForType(EmbeddingModel.class)).containsExactly("deepseekLocalEmbeddingModel");

			context.getBean(KnowledgeBase.class)
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
	void startUpRefusesAnIndexBuiltWithAnotherModel() {
		try (LuceneKnowledgeStore offline = LuceneKnowledgeStore.open(this.dataDir.resolve("lucene"))) {
			float[] vector = new float[512];
			vector[0] = 1;
			offline.replaceDocument("doc", List.of(new KnowledgeChunk("doc#0", "doc", 0, "售后", null, "保修三年",
					"policy.md", null, "c0", "v1", vector)));
		}

		runner().run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.isInstanceOf(EmbeddingMismatchException.class)
			.hasMessageContaining("512-dimension")
			.hasMessageContaining("1024-dimension")
			.hasMessageContaining("deepseek.rag.embedding.provider=local-runtime")
			.hasMessageContaining("deepseek.rag.data-dir"));
	}

}
