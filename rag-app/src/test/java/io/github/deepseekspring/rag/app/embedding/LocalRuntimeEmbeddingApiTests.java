package io.github.deepseekspring.rag.app.embedding;

import java.nio.file.Path;
import java.util.Map;

import io.github.deepseekspring.testkit.ollama.OllamaSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application with {@code deepseek.rag.embedding.provider=local-runtime}: the DeepSeek starter's local
 * runtime embedding model (from {@code deepseek.local.base-url} and {@code deepseek.local.embedding.*}) embeds uploads
 * and queries through the runtime's {@code /api/embed}, and no offline model is loaded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deepseek.rag.store=lucene", "deepseek.rag.sample-data=false",
				"deepseek.rag.admin.password=test-admin-password", "deepseek.rag.embedding.provider=local-runtime",
				"deepseek.local.embedding.model=bge-m3", "deepseek.local.embedding.batch-size=2",
				"spring.datasource.url=jdbc:h2:mem:${random.uuid}" })
class LocalRuntimeEmbeddingApiTests {

	static final OllamaSimulator ollama = OllamaSimulator.start();

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("deepseek.rag.data-dir", () -> dataDir.toString());
		registry.add("deepseek.local.base-url", () -> ollama.baseUrl().toString());
	}

	@AfterAll
	static void stop() {
		ollama.close();
	}

	@Value("${local.server.port}")
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void uploadsAndSearchesAreEmbeddedByTheLocalRuntime() {
		assertThat(this.context.containsBean("deepseekLocalEmbeddingModel")).isTrue();
		assertThat(this.context.getBeanNamesForType(EmbeddingModel.class)).as("no offline model is loaded")
			.containsExactly("deepseekLocalEmbeddingModel");
		String text = "## 保修\n\nYF-Q7 路由器主机保修三年。\n\n## 退货\n\n签收七天内可无理由退货。\n\n## 运费\n\n满 99 元免运费。";
		ollama.requests().clear();

		JsonNode created = admin().post()
			.uri("/api/kb/documents")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("title", "售后政策", "text", text, "source", "policy.md"))
			.retrieve()
			.body(JsonNode.class);
		assertThat(created.path("status").asString()).isEqualTo("CREATED");
		assertThat(ollama.requests().count("/api/embed")).isGreaterThanOrEqualTo(2);

		JsonNode hits = admin().get()
			.uri("/api/kb/search?q={q}&k=3&mode=vector", "路由器保修多久")
			.retrieve()
			.body(JsonNode.class);
		assertThat(hits.get(0).path("text").asString()).contains("保修三年");
		assertThat(hits.get(0).path("modes").toString()).contains("vector");
	}

	@Test
	void aRuntimeThatCannotEmbedAnswers503AndHybridSearchFallsBackToKeywords() {
		ollama.withoutModel("bge-m3");
		try {
			JsonNode upload = admin().post()
				.uri("/api/kb/documents")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("title", "营业时间", "text", "客服热线每天 9:00 至 21:00 服务。", "source", "hours"))
				.retrieve()
				.body(JsonNode.class);
			assertThat(upload.path("status").asInt()).isEqualTo(503);
			assertThat(upload.path("detail").asString()).contains("deepseek.local.embedding.model");

			var vectorOnly = admin().get().uri("/api/kb/search?q={q}&mode=vector", "保修").retrieve().toEntity(JsonNode.class);
			assertThat(vectorOnly.getStatusCode().value()).isEqualTo(503);
			var hybrid = admin().get().uri("/api/kb/search?q={q}", "保修").retrieve().toEntity(JsonNode.class);
			assertThat(hybrid.getStatusCode().value()).isEqualTo(200);
		}
		finally {
			ollama.withModel("bge-m3");
		}
	}

	private RestClient admin() {
		return RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultHeaders((headers) -> headers.setBasicAuth("admin", "test-admin-password"))
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
	}

}
