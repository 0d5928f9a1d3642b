package io.github.deepseekspring.ragstarter.consumer;

import java.nio.file.Path;

import io.github.deepseekspring.autoconfigure.test.UseDeepSeekSimulator;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The consumer application with no Elasticsearch configured: the knowledge base is an embedded Lucene index. */
@SpringBootTest(classes = RagConsumerApplication.class)
@UseDeepSeekSimulator
class RagStarterConsumerTests extends KnowledgeBaseAnswersContract {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("deepseek.rag.data-dir", () -> dataDir.toString());
	}

	@Autowired
	KnowledgeStore store;

	@Test
	void withNoElasticsearchTheKnowledgeBaseIsEmbeddedLucene() {
		assertThat(this.store.kind()).isEqualTo("lucene");
		assertThat(dataDir.resolve("lucene")).isDirectory();
	}

}
