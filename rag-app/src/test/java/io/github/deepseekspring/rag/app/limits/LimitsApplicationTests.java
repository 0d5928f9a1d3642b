package io.github.deepseekspring.rag.app.limits;

import java.nio.file.Path;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.RateLimitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The limits in the running application, over real HTTP, whatever the security rules of the paths are. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deepseek.rag.store=lucene", "deepseek.rag.sample-data=false",
				"deepseek.rag.admin.password=test-admin-password", "deepseek.rag.limits.rate.requests-per-minute=1",
				"deepseek.rag.limits.rate.burst=1", "deepseek.rag.limits.request.max-body-size=1KB",
				"deepseek.rag.limits.concurrency.max-calls=1", "deepseek.rag.limits.concurrency.queue=1",
				"deepseek.rag.api-keys=test-key-not-secret,slot-key-0-not-secret,slot-key-1-not-secret,"
						+ "slot-key-2-not-secret" })
class LimitsApplicationTests {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("deepseek.rag.data-dir", () -> dataDir.toString());
	}

	@Value("${local.server.port}")
	int port;

	private RestClient client() {
		// The JDK client: Apache's would wait out Retry-After and retry by itself.
		return RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory())
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultHeaders((headers) -> headers.setBasicAuth("admin", "test-admin-password"))
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
	}

	@Test
	void rateLimitAnswers429ProblemWithRetryAfter() {
		ResponseEntity<String> last = null;
		for (int i = 0; i < 2; i++) {
			last = client().get().uri("/api/code/limits-probe").retrieve().toEntity(String.class);
		}
		assertThat(last.getStatusCode().value()).isEqualTo(429);
		assertThat(Integer.parseInt(last.getHeaders().getFirst("Retry-After"))).isBetween(1, 60);
		assertThat(last.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(last.getBody()).contains("\"status\":429").doesNotContain("Exception");
	}

	@Test
	void openAiClientsReadTheRateLimitAsOpenAisOwn() {
		// OpenAI's SDK, as an OpenAI-compatible client would meet the limit: the key's burst of one is spent by
		// the first call, the second is refused in OpenAI's error shape with Retry-After.
		OpenAIClient openai = OpenAIOkHttpClient.builder()
			.apiKey("test-key-not-secret")
			.baseUrl("http://127.0.0.1:" + this.port + "/v1")
			.maxRetries(0)
			.build();
		try {
			openai.models().list();
			assertThatThrownBy(() -> openai.models().list()).isInstanceOfSatisfying(RateLimitException.class, (ex) -> {
				assertThat(ex.type()).hasValue("requests");
				assertThat(ex.code()).hasValue("rate_limit_exceeded");
				assertThat(ex.getMessage()).contains("Retry-After");
				assertThat(ex.headers().values("Retry-After")).singleElement()
					.satisfies((seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
			});
		}
		finally {
			openai.close();
		}
	}

	@Autowired
	ModelCallGate gate;

	@Test
	void streamedAnswersGiveTheirModelSlotBack() {
		for (int i = 0; i < 3; i++) {
			// a key of its own per request: its own rate bucket, so only the model-call cap is at work
			ResponseEntity<String> response = client().post()
				.uri("/api/chat/stream")
				.header("Authorization", "Bearer slot-key-" + i + "-not-secret")
				.header("Accept", "text/event-stream")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"message\":\"YF-AX3000 保修多久？\"}")
				.retrieve()
				.toEntity(String.class);
			assertThat(response.getStatusCode().value()).isEqualTo(200);
		}
		// a leaked slot would have made the second request wait 2 s and answer 503
		long deadline = System.nanoTime() + 2_000_000_000L;
		while (this.gate.inFlight() > 0 && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(this.gate.inFlight()).isZero();
	}

	@Test
	void oversizedBodyAnswers413() {
		// a path without photos: /api/chat and /api/chat/stream take photos, up to max-photo-body-size
		ResponseEntity<String> response = client().post()
			.uri("/api/chat/c1/feedback")
			.header("Authorization", "Bearer test-key-not-secret")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"message\":\"" + "问".repeat(1000) + "\"}")
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode().value()).isIn(401, 413);
		if (response.getStatusCode().value() == 413) {
			assertThat(response.getBody()).contains("\"status\":413");
		}
	}

}
