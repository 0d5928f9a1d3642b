package io.github.deepseekspring.rag.app.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.deepseekspring.autoconfigure.test.UseDeepSeekSimulator;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import io.github.deepseekspring.testkit.ollama.OllamaSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer chat when its model backends fail, on the DeepSeek and Ollama simulators: every fault ends in a useful
 * answer (the local runtime's, or the best passages) or a clear message, never a 5xx or a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deepseek.rag.store=lucene", "deepseek.rag.data-dir=target/fault-tests/${random.uuid}",
				"spring.datasource.url=jdbc:h2:mem:faults-${random.uuid};DB_CLOSE_DELAY=-1",
				"deepseek.rag.admin.password=test-admin-password", "deepseek.retry.max-attempts=1",
				"deepseek.routing.mode=remote-first", "deepseek.local.model=deepseek-r1:7b",
				"deepseek.timeouts.first-token=2s", "deepseek.timeouts.idle=2s", "deepseek.timeouts.total=20s" })
@UseDeepSeekSimulator
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatFaultTests {

	static final OllamaSimulator ollama = OllamaSimulator.start();

	private static final String QUESTION = "YF-AX3000 保修多久？";

	@DynamicPropertySource
	static void local(DynamicPropertyRegistry registry) {
		registry.add("deepseek.local.base-url", () -> ollama.baseUrl().toString());
	}

	@AfterAll
	static void stop() {
		ollama.close();
	}

	@Autowired
	DeepSeekSimulator deepseek;

	@Value("${local.server.port}")
	int port;

	ChatHttp http;

	@BeforeEach
	void reset() {
		this.deepseek.reset();
		ollama.reset();
		this.deepseek.onUserMessage("YF-AX3000 保修多久", ScriptedReply.text("远端：主机保修两年 [1]。"));
		ollama.onUserMessage("YF-AX3000 保修多久", ScriptedReply.text("本地：主机保修两年 [1]。"));
		this.http = new ChatHttp(this.port);
	}

	private void assertUseful(ChatHttp.Response response) {
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body().path("answer").asString()).isNotBlank().doesNotContain("Exception");
		assertThat(response.body().path("mode").asString()).isIn("llm", "retrieval-only");
	}

	@Test
	@Order(1)
	void remote429StormFallsBackToTheLocalRuntime() {
		this.deepseek.faults().failNext(50, 429, Duration.ofSeconds(1));
		ChatHttp.Response response = this.http.chat(null, QUESTION);
		assertUseful(response);
		assertThat(response.body().path("answer").asString()).contains("本地");
	}

	@Test
	@Order(2)
	void remote503FallsBackToTheLocalRuntime() {
		this.deepseek.faults().failNext(50, 503);
		assertUseful(this.http.chat(null, QUESTION));
	}

	@Test
	@Order(3)
	void remote402BalanceGoneSwitchesToLocal() {
		this.deepseek.faults().failNext(50, 402);
		ChatHttp.Response response = this.http.chat(null, QUESTION);
		assertUseful(response);
		assertThat(response.body().path("answer").asString()).contains("本地");
		assertThat(ollama.requests().count()).isPositive();
	}

	@Test
	@Order(4)
	void hangBeforeTheFirstTokenTimesOutAndStillAnswers() {
		this.deepseek.faults().stallBeforeFirstByte(Duration.ofSeconds(10));
		long start = System.nanoTime();
		assertUseful(this.http.chat(null, QUESTION));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(9));
	}

	@Test
	@Order(5)
	void connectionCutMidStreamEndsTheStreamCleanly() {
		this.deepseek.faults().cutAfterChunks(2);
		List<ChatHttp.Event> events = this.http.stream(ChatHttp.body(Map.of("message", QUESTION)));
		assertThat(events).isNotEmpty();
		ChatHttp.Event last = events.get(events.size() - 1);
		assertThat(last.name()).isIn("done", "error");
		if (last.name().equals("error")) {
			assertThat(last.data().path("message").asString()).isNotBlank().doesNotContain("Exception");
		}
	}

	@Test
	@Order(6)
	void localRuntimeDownRemoteStillAnswers() {
		ollama.faults().down();
		try {
			assertUseful(this.http.chat(null, QUESTION));
		}
		finally {
			ollama.faults().up();
		}
	}

	@Test
	@Order(7)
	void bothBackendsDownAnswersFromRetrievalAlone() {
		this.deepseek.faults().down();
		ollama.faults().down();
		try {
			ChatHttp.Response response = this.http.chat(null, QUESTION);
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.body().path("mode").asString()).isEqualTo("retrieval-only");
			assertThat(response.body().path("answer").asString()).isNotBlank();
			assertThat(response.body().path("citations")).isNotEmpty();
		}
		finally {
			this.deepseek.faults().up();
			ollama.faults().up();
		}
	}

}
