package io.github.deepseekspring.rag.app.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.deepseekspring.autoconfigure.test.UseDeepSeekSimulator;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import io.github.deepseekspring.testkit.elasticsearch.TestElasticsearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer chat on a real Elasticsearch that goes away mid-run and comes back: the app reaches it through a
 * proxy the test stops (connections cut and refused, as when the node is stopped) and starts again. While it is away
 * every answer is a clear "temporarily unavailable" with the offer of a human agent (and the handoff works), never a
 * 5xx or a stack trace; when it is back the same running app answers from the knowledge base again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deepseek.rag.store=elasticsearch",
				"spring.datasource.url=jdbc:h2:mem:es-faults-${random.uuid};DB_CLOSE_DELAY=-1",
				"deepseek.rag.admin.password=test-admin-password", "deepseek.retry.max-attempts=1" })
@UseDeepSeekSimulator
class ChatElasticsearchFaultIntegrationTests {

	static final TcpProxy elasticsearch = TcpProxy.to(TestElasticsearch.shared().httpUri());

	private static final String QUESTION = "YF-AX3000 保修多久？";

	@DynamicPropertySource
	static void elasticsearch(DynamicPropertyRegistry registry) {
		registry.add("spring.elasticsearch.uris", () -> elasticsearch.uri().toString());
		registry.add("deepseek.rag.elasticsearch.alias", () -> "kb-es-faults-" + UUID.randomUUID());
	}

	@AfterAll
	static void stopProxy() {
		elasticsearch.close();
	}

	@Autowired
	DeepSeekSimulator deepseek;

	@Value("${local.server.port}")
	int port;

	@Test
	void elasticsearchStoppedMidRunGivesAClearMessageWithHandoffAndRecoversWhenBack() {
		this.deepseek.onUserMessage("YF-AX3000 保修多久", ScriptedReply.text("主机保修两年 [1]。"));
		ChatHttp http = new ChatHttp(this.port);

		ChatHttp.Response before = http.chat(null, QUESTION);
		assertThat(before.status()).isEqualTo(200);
		assertThat(before.body().path("mode").asString()).isEqualTo("llm");
		String conversationId = before.body().path("conversationId").asString();

		elasticsearch.stop();
		try {
			ChatHttp.Response during = http.chat(conversationId, QUESTION);
			assertThat(during.status()).isEqualTo(200);
			assertThat(during.body().path("mode").asString()).isEqualTo("not-covered");
			assertThat(during.body().path("answer").asString()).contains("暂时不可用", "人工客服")
				.doesNotContain("Exception");
			assertThat(during.body().path("citations")).isEmpty();

			ChatHttp.Response english = http.chat(conversationId, "How long is the warranty of the YF-AX3000 router?");
			assertThat(english.status()).isEqualTo(200);
			assertThat(english.body().path("answer").asString()).contains("temporarily unavailable", "human agent");

			List<ChatHttp.Event> events = http
				.stream(ChatHttp.body(Map.of("conversationId", conversationId, "message", QUESTION)));
			assertThat(events).extracting(ChatHttp.Event::name).endsWith("done").doesNotContain("error");
			assertThat(events.get(events.size() - 1).data().path("mode").asString()).isEqualTo("not-covered");
			assertThat(events).filteredOn((event) -> event.name().equals("token"))
				.anySatisfy((token) -> assertThat(token.data().path("text").asString()).contains("暂时不可用"));

			ChatHttp.Response handoff = http.post("/api/chat/" + conversationId + "/handoff",
					ChatHttp.body(Map.of("reason", "知识库不可用")));
			assertThat(handoff.status()).isEqualTo(201);
			assertThat(handoff.body().path("status").asString()).isEqualTo("open");
		}
		finally {
			elasticsearch.start();
		}

		ChatHttp.Response after = null;
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			after = http.chat(conversationId, QUESTION);
			if ("llm".equals(after.body().path("mode").asString())) {
				break;
			}
			sleep();
		}
		assertThat(after.status()).isEqualTo(200);
		assertThat(after.body().path("mode").asString()).as("answers from the knowledge base again").isEqualTo("llm");
		assertThat(after.body().path("answer").asString()).contains("主机保修两年");
		assertThat(after.body().path("citations")).isNotEmpty();
	}

	private static void sleep() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
