package io.github.deepseekspring.ragstarter.consumer;

import java.util.UUID;

import io.github.deepseekspring.autoconfigure.test.UseDeepSeekSimulator;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import io.github.deepseekspring.testkit.elasticsearch.TestElasticsearch;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The same consumer application pointed at a real Elasticsearch with {@code spring.elasticsearch.uris}. */
@SpringBootTest(classes = RagConsumerApplication.class)
@UseDeepSeekSimulator
class RagStarterElasticsearchIntegrationTests extends KnowledgeBaseAnswersContract {

	@DynamicPropertySource
	static void elasticsearch(DynamicPropertyRegistry registry) {
		registry.add("spring.elasticsearch.uris", () -> TestElasticsearch.shared().httpUri().toString());
		registry.add("deepseek.rag.elasticsearch.alias", () -> "kb-consumer-" + UUID.randomUUID());
	}

	@Autowired
	KnowledgeStore store;

	@Test
	void withElasticsearchConfiguredTheKnowledgeBaseIsThere() {
		assertThat(this.store.kind()).isEqualTo("elasticsearch");
	}

}
