package io.github.deepseekspring.rag.app.kb;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import io.github.deepseekspring.rag.KnowledgeBase;
import io.github.deepseekspring.rag.app.SseEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-indexing over real HTTP on the sample knowledge base: every document is embedded again with its progress
 * streamed (a start and an end per document, then the counts), the knowledge base still answers afterwards, a second
 * re-index while one runs is refused with 409, and only an administrator may start one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deepseek.rag.store=lucene", "deepseek.rag.admin.password=test-admin-password" })
class ReindexApiTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("deepseek.rag.data-dir", () -> dataDir.toString());
	}

	@Value("${local.server.port}")
	int port;

	@Autowired
	KnowledgeBase knowledgeBase;

	@Autowired
	ReindexRun run;

	@Test
	void everyDocumentIsEmbeddedAgainWithItsProgressStreamed() throws Exception {
		int documents = this.knowledgeBase.documents().size();
		long chunks = this.knowledgeBase.chunkCount();
		assertThat(documents).isGreaterThan(5);

		HttpResponse<String> response = reindex("admin:test-admin-password");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/event-stream"));
		List<JsonNode> files = SseEvents.named(response.body(), "file");
		assertThat(files).hasSize(2 * documents);
		int embedded = 0;
		for (int i = 0; i < documents; i++) {
			JsonNode started = files.get(2 * i);
			JsonNode done = files.get(2 * i + 1);
			assertThat(started.path("index").asInt()).isEqualTo(i);
			assertThat(started.path("total").asInt()).isEqualTo(documents);
			assertThat(started.path("status").asString()).isEqualTo("started");
			assertThat(done.path("status").asString()).isEqualTo("done");
			assertThat(done.path("name").asString()).isEqualTo(started.path("name").asString()).isNotBlank();
			embedded += done.path("chunks").asInt();
		}
		assertThat(embedded).isEqualTo(chunks);
		JsonNode counts = SseEvents.named(response.body(), "done").get(0);
		assertThat(counts.path("total").asInt()).isEqualTo(documents);
		assertThat(counts.path("ok").asInt()).isEqualTo(documents);
		assertThat(counts.path("failed").asInt()).isZero();

		assertThat(this.knowledgeBase.chunkCount()).isEqualTo(chunks);
		HttpResponse<String> search = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/api/kb/search?q=YF-AX3000&k=3")))
				.header("Authorization", basic("admin:test-admin-password"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(search.body()).contains("YF-AX3000");
	}

	@Test
	void aSecondReindexWhileOneRunsIsRefusedWithProblemDetails() throws Exception {
		assertThat(this.run.start()).isTrue();
		try {
			HttpResponse<String> refused = reindex("admin:test-admin-password");
			assertThat(refused.statusCode()).isEqualTo(409);
			assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).contains("application/problem+json"));
			assertThat(json.readTree(refused.body()).path("detail").asString()).contains("running already");
		}
		finally {
			this.run.finish();
		}
	}

	@Test
	void onlyAnAdministratorMayReindex() throws Exception {
		// refused by the security chain before anything runs: no credentials (a POST without them fails the CSRF
		// check first), or wrong ones
		for (String credentials : new String[] { null, "admin:wrong-password" }) {
			HttpResponse<String> refused = reindex(credentials);
			assertThat(refused.statusCode()).isIn(401, 403);
			assertThat(refused.body()).doesNotContain("event:");
		}
	}

	private HttpResponse<String> reindex(String credentials) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/api/kb/reindex")))
			.header("Accept", "text/event-stream")
			.POST(HttpRequest.BodyPublishers.noBody());
		if (credentials != null) {
			request.header("Authorization", basic(credentials));
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String credentials) {
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
