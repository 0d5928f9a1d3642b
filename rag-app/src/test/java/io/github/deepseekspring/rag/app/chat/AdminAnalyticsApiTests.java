package io.github.deepseekspring.rag.app.chat;

import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's data and the backend status in words, for administrators only: counts from the stored answers,
 * one entry a day, CSV export, and problem details for a bad period.
 */
@ChatAppTest
class AdminAnalyticsApiTests {

	@Autowired
	DeepSeekSimulator deepseek;

	@Value("${local.server.port}")
	int port;

	ChatHttp http;

	@BeforeEach
	void reset() {
		this.deepseek.reset();
		this.http = new ChatHttp(this.port);
	}

	@Test
	void analyticsCountTodaysAnswersByModeAndDay() throws Exception {
		JsonNode before = this.http.admin("GET", "/api/admin/analytics?days=30").body();
		this.deepseek.onUserMessage("YF-AX3000 保修多久", ScriptedReply.text("主机保修两年 [1]。"));
		this.http.chat(null, "YF-AX3000 保修多久？");
		this.http.chat(null, "你们卖洗衣机吗？");
		JsonNode after = this.http.admin("GET", "/api/admin/analytics?days=30").body();
		assertThat(after.path("days").asInt()).isEqualTo(30);
		assertThat(after.path("perDay")).hasSize(30);
		assertThat(after.path("totals").path("questions").asLong())
			.isEqualTo(before.path("totals").path("questions").asLong() + 2);
		JsonNode today = after.path("perDay").get(29);
		assertThat(today.path("modes").path("llm").asLong()).isPositive();
		assertThat(today.path("p95FirstTokenMs").asLong()).isPositive();
		assertThat(after.path("topQuestions").toString()).contains("YF-AX3000");

		java.net.http.HttpResponse<String> csv = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port
					+ "/api/admin/analytics.csv?days=7"))
				.header("Authorization", "Basic " + java.util.Base64.getEncoder()
					.encodeToString("admin:test-admin-password".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		String[] lines = csv.body().split("\r\n");
		assertThat(lines[0]).startsWith("date,questions,llm,faq,cache,not_covered");
		assertThat(lines).hasSize(8);
	}

	@Test
	void aBadPeriodIsAProblemAndStrangersAreRefused() {
		for (String days : new String[] { "0", "-3", "abc", "1000" }) {
			ChatHttp.Response bad = this.http.admin("GET", "/api/admin/analytics?days=" + days);
			assertThat(bad.status()).isEqualTo(400);
			assertThat(bad.contentType()).contains("application/problem+json");
			assertThat(bad.body().path("detail").asString()).contains("days");
		}
		assertThat(this.http.get("/api/admin/analytics?days=7").status()).isEqualTo(401);
	}

	@Test
	void theBackendIsDescribedInWords() {
		JsonNode status = this.http.admin("GET", "/api/admin/backend").body();
		assertThat(status.path("summary").toString()).contains("DeepSeek API: reachable")
			.contains("GPU runtime: not configured").contains("Today:");
	}

}
