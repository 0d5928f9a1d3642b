package io.github.deepseekspring.rag.store;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.github.deepseekspring.rag.store.StoreConfigurationTests.StoreTestConfiguration;
import io.github.deepseekspring.rag.store.elasticsearch.ElasticsearchClients;
import io.github.deepseekspring.rag.store.elasticsearch.ElasticsearchKnowledgeStore;
import io.github.deepseekspring.rag.store.elasticsearch.ElasticsearchStoreOptions;
import io.github.deepseekspring.testkit.elasticsearch.TestElasticsearch;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** On a real Elasticsearch: the store's client is closed with the context, and the alias setting is honoured. */
class StoreConfigurationIntegrationTests {

	@Test
	void closingTheContextClosesTheElasticsearchClient() throws Exception {
		String alias = "kb-config-" + UUID.randomUUID();
		AtomicReference<KnowledgeStore> served = new AtomicReference<>();
		new ApplicationContextRunner().withUserConfiguration(StoreTestConfiguration.class, StoreConfiguration.class)
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

}
