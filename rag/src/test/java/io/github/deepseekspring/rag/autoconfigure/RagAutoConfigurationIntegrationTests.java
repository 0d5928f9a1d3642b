package io.github.deepseekspring.rag.autoconfigure;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.github.deepseekspring.rag.embedding.Embedder;
import io.github.deepseekspring.rag.embedding.UnitEmbeddings;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import io.github.deepseekspring.rag.store.elasticsearch.ElasticsearchClients;
import io.github.deepseekspring.rag.store.elasticsearch.ElasticsearchKnowledgeStore;
import io.github.deepseekspring.rag.store.elasticsearch.ElasticsearchStoreOptions;
import io.github.deepseekspring.testkit.elasticsearch.TestElasticsearch;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On a real Elasticsearch: the store's own client is closed with the context and the alias setting is honoured; an
 * application's client bean is used instead of the URIs and left open.
 */
class RagAutoConfigurationIntegrationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RagAutoConfiguration.class))
		.withBean(Embedder.class, () -> new UnitEmbeddings(3));

	@Test
	void closingTheContextClosesTheStoresOwnClient() throws Exception {
		String alias = "kb-config-" + UUID.randomUUID();
		AtomicReference<KnowledgeStore> served = new AtomicReference<>();
		this.runner
			.withPropertyValues("deepseek.rag.store=elasticsearch", "deepseek.rag.elasticsearch.alias=" + alias,
					"spring.elasticsearch.uris=" + TestElasticsearch.shared().httpUri())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				KnowledgeStore store = context.getBean(KnowledgeStore.class);
				assertThat(store.kind()).isEqualTo("elasticsearch");
				assertThat(store.vectorDimensions()).hasValue(3);
				assertThat(store.chunkCount()).isZero();
				served.set(store);
			});

		assertThatThrownBy(() -> served.get().chunkCount()).isInstanceOf(RuntimeException.class);

		try (ElasticsearchClient client = ElasticsearchClients.connect(TestElasticsearch.shared().httpUri())) {
			ElasticsearchKnowledgeStore own = ElasticsearchKnowledgeStore.open(client,
					ElasticsearchStoreOptions.builder().alias(alias).dimensions(3).build());
			assertThat(own.chunkCount()).as("the index outlives the client").isZero();
			own.drop();
		}
	}

	@Test
	void autoPrefersTheApplicationsClientAndLeavesItOpen() throws Exception {
		String alias = "kb-client-" + UUID.randomUUID();
		try (ElasticsearchClient client = ElasticsearchClients.connect(TestElasticsearch.shared().httpUri())) {
			// registered without a destroy method: the context would close it otherwise, as it closes every closeable
			this.runner.withBean(ElasticsearchClient.class, () -> client,
					(definition) -> ((AbstractBeanDefinition) definition).setDestroyMethodName(""))
				.withPropertyValues("deepseek.rag.elasticsearch.alias=" + alias)
				.run((context) -> assertThat(context.getBean(KnowledgeStore.class).kind()).isEqualTo("elasticsearch"));

			ElasticsearchKnowledgeStore own = ElasticsearchKnowledgeStore.open(client,
					ElasticsearchStoreOptions.builder().alias(alias).dimensions(3).build());
			assertThat(own.chunkCount()).as("the application's client is still open").isZero();
			own.drop();
		}
	}

}
