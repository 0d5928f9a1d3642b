package io.github.deepseekspring.rag.limits;

import java.nio.file.Path;

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

/** The limits in the running application, over real HTTP, whatever the security rules of the paths are. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deepseek.rag.store=lucene", "deepseek.rag.sample-data=false",
				"deepseek.rag.admin.password=test-admin-password", "deepseek.rag.limits.rate.requests-per-minute=1",
				"deepseek.rag.limits.rate.burst=1", "deepseek.rag.limits.request.max-body-size=1KB",
				"deepseek.rag.limits.concurrency.max-calls=1", "deepseek.rag.limits.concurrency.queue=1" })
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

	@Autowired
	ModelCallGate gate;

	@Test
	void streamedAnswersGiveTheirModelSlotBack() {
		for (int i = 0; i < 3; i++) {
			// a key of its own per request: its own rate bucket, so only the model-call cap is at work
			ResponseEntity<String> response = client().post()
				.uri("/api/chat/stream")
				.header("Authorization", "Bearer test-key-not-secret-" + i)
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
		ResponseEntity<String> response = client().post()
			.uri("/api/chat")
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
