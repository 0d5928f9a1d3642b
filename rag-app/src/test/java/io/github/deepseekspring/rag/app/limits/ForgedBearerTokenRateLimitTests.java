package io.github.deepseekspring.rag.app.limits;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.deepseekspring.autoconfigure.test.UseDeepSeekSimulator;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack: a client sends every request with another made-up {@code Authorization: Bearer} token (or another
 * conversation cookie) so that each one gets a fresh rate-limit bucket, and then holds every model slot. A key is an
 * identity only once it was verified; anything else is the client's address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deepseek.rag.store=lucene", "deepseek.rag.sample-data=false",
				"deepseek.rag.data-dir=${java.io.tmpdir}/rag-forged-bearer-${random.uuid}",
				"spring.datasource.url=jdbc:h2:mem:forged-${random.uuid}",
				"deepseek.rag.admin.password=test-admin-password", "deepseek.rag.limits.rate.requests-per-minute=1",
				"deepseek.rag.limits.rate.burst=5", "deepseek.rag.limits.concurrency.max-calls=10",
				"deepseek.rag.limits.concurrency.max-calls-per-client=2",
				"deepseek.rag.api-keys=forged-test-key-one-not-secret,forged-test-key-two-not-secret" })
@UseDeepSeekSimulator
class ForgedBearerTokenRateLimitTests {

	private static final int BURST = 5;

	@Value("${local.server.port}")
	int port;

	@Autowired
	DeepSeekSimulator deepseek;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void fiftyMadeUpBearerTokensShareTheBucketOfTheirAddress() throws Exception {
		int passed = 0;
		for (int i = 0; i < 50; i++) {
			if (chat("Authorization", "Bearer " + UUID.randomUUID()).statusCode() != 429) {
				passed++;
			}
		}
		assertThat(passed).as("requests with made-up tokens let through").isLessThanOrEqualTo(BURST);
		assertThat(chat(null, null).statusCode()).as("the same client without a token").isEqualTo(429);
	}

	@Test
	void freshConversationCookiesShareTheBucketOfTheirAddress() throws Exception {
		int passed = 0;
		for (int i = 0; i < 50; i++) {
			String cookie = "DSRAG_CHAT=" + UUID.randomUUID() + UUID.randomUUID();
			if (chat("Cookie", cookie).statusCode() != 429) {
				passed++;
			}
		}
		assertThat(passed).as("requests with made-up conversation cookies let through").isLessThanOrEqualTo(BURST);
	}

	@Test
	void aVerifiedKeyHasABucketOfItsOwn() throws Exception {
		for (int i = 0; i <= BURST; i++) {
			chat(null, null);
		}
		assertThat(chat(null, null).statusCode()).isEqualTo(429);
		assertThat(chat("Authorization", "Bearer forged-test-key-one-not-secret").statusCode()).isEqualTo(200);
	}

	@Test
	void oneClientCannotHoldEveryModelSlot() throws Exception {
		this.deepseek.onUserMessage("a slow class", ScriptedReply.text("```java\n" + "class Slow {}\n".repeat(200)
				+ "```"));
		this.deepseek.faults().tokenDelay(Duration.ofMillis(100));
		List<HttpResponse<InputStream>> open = new ArrayList<>();
		try {
			for (int i = 0; i < 2; i++) {
				HttpResponse<InputStream> stream = codeStream("Bearer forged-test-key-two-not-secret");
				assertThat(stream.statusCode()).isEqualTo(200);
				// the first event arrived: the call holds its model slot
				assertThat(stream.body().read()).isNotNegative();
				open.add(stream);
			}
			HttpResponse<InputStream> third = codeStream("Bearer forged-test-key-two-not-secret");
			assertThat(third.statusCode()).as("a third call of the same key while two are in flight").isEqualTo(429);
			assertThat(third.headers().firstValue("Retry-After")).isPresent();
			third.body().close();
			HttpResponse<InputStream> other = codeStream(
					"Basic " + java.util.Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes()));
			assertThat(other.statusCode()).as("another client still gets a slot").isEqualTo(200);
			open.add(other);
		}
		finally {
			for (HttpResponse<InputStream> stream : open) {
				stream.body().close();
			}
			this.deepseek.faults().clear();
		}
	}

	private HttpResponse<String> chat(String header, String value) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/chat"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"营业时间是几点？\"}"));
		if (header != null) {
			request.header(header, value);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<InputStream> codeStream(String authorization) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/code"))
			.header("Content-Type", "application/json")
			.header("Authorization", authorization)
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"language\":\"java\",\"task\":\"a slow class\",\"stream\":true,\"thinking\":false}"))
			.build(), HttpResponse.BodyHandlers.ofInputStream());
	}

}
