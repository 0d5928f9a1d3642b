package io.github.deepseekspring.rag.store;

import java.nio.file.Path;

import io.github.deepseekspring.rag.RagProperties;
import io.github.deepseekspring.rag.embedding.EmbeddingService;
import io.github.deepseekspring.rag.store.lucene.LuceneKnowledgeStore;
import org.apache.lucene.store.LockObtainFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store the context builds is released when the context closes. */
class StoreConfigurationTests {

	@TempDir
	Path dataDir;

	@Test
	void closingTheContextReleasesTheLuceneIndex() {
		Path index = this.dataDir.resolve("lucene");
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withUserConfiguration(StoreTestConfiguration.class, StoreConfiguration.class)
			.withPropertyValues("deepseek.rag.store=lucene", "deepseek.rag.data-dir=" + this.dataDir);

		runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(KnowledgeStore.class).kind()).isEqualTo("lucene");
			// While the context runs, its writer holds the index lock.
			assertThatThrownBy(() -> LuceneKnowledgeStore.open(index)).hasRootCauseInstanceOf(LockObtainFailedException.class);
		});

		try (LuceneKnowledgeStore reopened = LuceneKnowledgeStore.open(index)) {
			assertThat(reopened.chunkCount()).isZero();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ RagProperties.class, ElasticsearchStoreProperties.class })
	static class StoreTestConfiguration {

		@Bean
		EmbeddingService embeddings() {
			return new FixedSizeEmbeddings(3);
		}

	}

}
