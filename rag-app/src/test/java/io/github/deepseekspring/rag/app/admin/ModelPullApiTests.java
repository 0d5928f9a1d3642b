package io.github.deepseekspring.rag.app.admin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import io.github.deepseekspring.rag.app.SseEvents;
import io.github.deepseekspring.testkit.ollama.OllamaSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pulling a model onto the GPU runtime (the Ollama simulator) from the backend page's API, over real HTTP: the
 * download's progress streamed, the model present afterwards, bad names refused with problem details, and only for
 * an administrator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deepseek.rag.store=lucene", "deepseek.rag.sample-data=false",
				"deepseek.rag.admin.password=test-admin-password", "deepseek.local.model=deepseek-r1:7b" })
class ModelPullApiTests {

	static final JsonMapper json = JsonMapper.builder().build();

	static final OllamaSimulator ollama = OllamaSimulator.start().withoutModel("qwen2.5:7b");

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

	@Test
	void theDownloadIsStreamedAndTheModelIsThereAfterwards() throws Exception {
		HttpResponse<String> response = pull(this.port, "admin:test-admin-password", "{\"model\":\"qwen2.5:7b\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/event-stream"));
		List<JsonNode> progress = SseEvents.named(response.body(), "progress");
		assertThat(progress).first().satisfies((first) -> assertThat(first.path("status").asString())
			.isEqualTo("pulling manifest"));
		assertThat(progress).anySatisfy((report) -> {
			assertThat(report.path("total").asLong()).isPositive();
			assertThat(report.path("percent").asInt()).isEqualTo(50);
		});
		assertThat(progress).last().satisfies((last) -> assertThat(last.path("status").asString()).isEqualTo("success"));
		assertThat(SseEvents.named(response.body(), "done").get(0).path("model").asString()).isEqualTo("qwen2.5:7b");
		assertThat(SseEvents.named(response.body(), "error")).isEmpty();

		HttpResponse<String> tags = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(ollama.baseUrl() + "/api/tags")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(tags.body()).contains("qwen2.5:7b");
	}

	@Test
	void aNameThatIsNoModelNameIsRefusedWithProblemDetails() throws Exception {
		for (String body : List.of("{\"model\":\"\"}", "{}", "{\"model\":\"qwen; rm -rf /\"}",
				"{\"model\":\"" + "x".repeat(201) + "\"}")) {
			HttpResponse<String> refused = pull(this.port, "admin:test-admin-password", body);
			assertThat(refused.statusCode()).as(body).isEqualTo(400);
			assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).contains("application/problem+json"));
			assertThat(json.readTree(refused.body()).path("detail").asString()).contains("deepseek-r1:7b");
		}
		assertThat(pull(this.port, "admin:test-admin-password", "{not json").statusCode()).isEqualTo(400);
	}

	@Test
	void onlyAnAdministratorMayPull() throws Exception {
		for (String credentials : new String[] { null, "admin:wrong-password" }) {
			HttpResponse<String> refused = pull(this.port, credentials, "{\"model\":\"qwen2.5:7b\"}");
			assertThat(refused.statusCode()).isIn(401, 403);
			assertThat(refused.body()).doesNotContain("event:");
		}
	}

	static HttpResponse<String> pull(int port, String credentials, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/admin/models/pull"))
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
