package io.github.deepseekspring.rag.app.code;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.github.deepseekspring.autoconfigure.test.UseDeepSeekSimulator;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack: anyone on the internet uses the code assistant as a free model endpoint (100,000 characters of
 * context, thousands of output tokens, thinking, ten-minute streams). It needs a signed-in user or an API key unless
 * {@code deepseek.rag.code.public=true}, and each key has a daily token budget.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deepseek.rag.store=lucene", "deepseek.rag.sample-data=false",
				"deepseek.rag.data-dir=${java.io.tmpdir}/rag-code-abuse-${random.uuid}",
				"spring.datasource.url=jdbc:h2:mem:code-abuse-${random.uuid}",
				"deepseek.rag.admin.password=test-admin-password",
				"deepseek.rag.api-keys=code-test-key-one-not-secret,code-test-key-two-not-secret",
				"deepseek.rag.code.daily-token-budget=1" })
@UseDeepSeekSimulator
class PublicCodeAssistantAbuseTests {

	static final String ANSWER = "```python\nprint('hi')\n```\nPrints a greeting.";

	@Value("${local.server.port}")
	int port;

	@Autowired
	DeepSeekSimulator deepseek;

	@BeforeEach
	void reset() {
		this.deepseek.reset();
		this.deepseek.onUserMessage("greet", ScriptedReply.text(ANSWER));
	}

	@Test
	void anonymousCallersGetNoModel() throws Exception {
		for (String authorization : new String[] { null, "Bearer made-up-key", "Bearer code-test-key-one-not-secretX" }) {
			for (String[] call : new String[][] { { "/api/code", "{\"language\":\"python\",\"task\":\"greet\"}" },
					{ "/api/code", "{\"language\":\"python\",\"task\":\"greet\",\"stream\":true,\"thinking\":true}" },
					{ "/api/code/complete", "{\"language\":\"python\",\"prefix\":\"def greet():\\n\"}" } }) {
				HttpResponse<String> response = post(call[0], call[1], authorization);
				assertThat(response.statusCode()).as(call[0] + " with " + authorization).isEqualTo(401);
				assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
				assertThat(json(response).path("detail").asString()).contains("API key");
			}
		}
		assertThat(this.deepseek.requests().count()).isZero();
		HttpResponse<String> page = get("/code");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
	}

	@Test
	void anApiKeyOrASignedInUserMayUseIt() throws Exception {
		HttpResponse<String> byKey = post("/api/code", "{\"language\":\"python\",\"task\":\"greet\"}",
				"Bearer code-test-key-one-not-secret");
		assertThat(byKey.statusCode()).isEqualTo(200);
		assertThat(json(byKey).path("code").asString()).isEqualTo("print('hi')");
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8));
		assertThat(post("/api/code", "{\"language\":\"python\",\"task\":\"greet\"}", basic).statusCode())
			.isEqualTo(200);
	}

	@Test
	void aSpentDailyBudgetIsAClear429() throws Exception {
		String key = "Bearer code-test-key-two-not-secret";
		assertThat(post("/api/code", "{\"language\":\"python\",\"task\":\"greet\"}", key).statusCode())
			.isEqualTo(200);
		for (String[] call : new String[][] { { "/api/code", "{\"language\":\"python\",\"task\":\"greet\"}" },
				{ "/api/code/complete", "{\"language\":\"python\",\"prefix\":\"def greet():\\n\"}" } }) {
			HttpResponse<String> spent = post(call[0], call[1], key);
			assertThat(spent.statusCode()).isEqualTo(429);
			assertThat(spent.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(Long.parseLong(spent.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 86_400L);
			JsonNode problem = json(spent);
			assertThat(problem.path("detail").asString()).contains("daily token budget", "00:00 UTC");
			assertThat(problem.path("budget").asLong()).isEqualTo(1);
		}
		assertThat(this.deepseek.requests().count()).isEqualTo(1);
	}

	private HttpResponse<String> post(String path, String body, String authorization) throws Exception {
		return post(this.port, path, body, authorization);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return get(this.port, path);
	}

	static HttpResponse<String> post(int port, String path, String body, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}

	static HttpResponse<String> get(int port, String path) throws Exception {
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
	}

	private static JsonNode json(HttpResponse<String> response) {
		return CodeApiClient.JSON.readTree(response.body());
	}

	/** {@code deepseek.rag.code.public=true} opens it again, on purpose. */
	@Nested
	@TestPropertySource(properties = "deepseek.rag.code.public=true")
	@UseDeepSeekSimulator
	class WhenOpenedOnPurpose {

		@Value("${local.server.port}")
		int openPort;

		@Test
		void anonymousCallersMayUseIt() throws Exception {
			HttpResponse<String> response = post(this.openPort, "/api/code",
					"{\"language\":\"python\",\"task\":\"greet\"}", null);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(get(this.openPort, "/code").statusCode()).isEqualTo(200);
		}

	}

}
