package io.github.deepseekspring.rag.app.chat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/chat/stream: the event sequence of every mode, renumbered citations, fallbacks and hanging up. */
@ChatAppTest
class ChatStreamTests {

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
	void modelAnswerStreamsMetaReasoningTokensCitationsAndDone() {
		this.deepseek.onUserMessage("YF-AX3000 保修多久",
				ScriptedReply.text("主机保修两年 [2]，详见保修政策 [2][1]。").withReasoning("先看保修期限，再看产品规格。"));
		List<ChatHttp.Event> events = this.http.stream(ChatHttp.body(Map.of("message", "YF-AX3000 保修多久？")));
		assertThat(events.get(0).name()).isEqualTo("meta");
		assertThat(names(events)).startsWith("meta", "reasoning").endsWith("citations", "done").contains("token");
		assertThat(ChatHttp.joined(events, "reasoning")).isEqualTo("先看保修期限，再看产品规格。");
		assertThat(ChatHttp.joined(events, "token")).isEqualTo("主机保修两年 [1]，详见保修政策 [1][2]。");
		assertThat(ChatHttp.event(events, "citations").path("citations")).hasSize(2);
		JsonNode done = ChatHttp.event(events, "done");
		assertThat(done.path("mode").asString()).isEqualTo("llm");
		assertThat(done.path("usage").path("promptTokens").asLong()).isPositive();

		String conversationId = events.get(0).data().path("conversationId").asString();
		JsonNode history = this.http.get("/api/chat/" + conversationId).body().path("messages");
		assertThat(history).hasSize(2);
		assertThat(history.get(1).path("messageId").asString())
			.isEqualTo(events.get(0).data().path("messageId").asString());
		assertThat(history.get(1).path("content").asString()).isEqualTo(ChatHttp.joined(events, "token"));
		assertThat(history.get(1).path("citations")).hasSize(2);
	}

	@Test
	void faqAnswerIsOneTokenEvent() {
		List<ChatHttp.Event> events = this.http.stream(ChatHttp.body(Map.of("message", "学生有优惠吗")));
		assertThat(names(events)).containsExactly("meta", "token", "citations", "done");
		assertThat(ChatHttp.event(events, "done").path("mode").asString()).isEqualTo("faq");
		assertThat(this.deepseek.requests().count("/chat/completions")).isZero();
	}

	@Test
	void sentinelIsNeverShownAndBecomesNotCovered() {
		this.deepseek.onUserMessage("退货需要多少天", ScriptedReply.text("[[NOT_COVERED]]"));
		List<ChatHttp.Event> events = this.http.stream(ChatHttp.body(Map.of("message", "退货需要多少天")));
		assertThat(ChatHttp.joined(events, "token")).contains("人工客服").doesNotContain("NOT_COVERED");
		assertThat(ChatHttp.event(events, "done").path("mode").asString()).isEqualTo("not-covered");
	}

	@Test
	void modelFailingBeforeTheFirstTokenFallsBackToPassages() {
		this.deepseek.faults().failNext(1, 400);
		List<ChatHttp.Event> events = this.http.stream(ChatHttp.body(Map.of("message", "我的路由器总是掉线怎么办")));
		assertThat(names(events)).containsExactly("meta", "token", "citations", "done");
		assertThat(ChatHttp.event(events, "done").path("mode").asString()).isEqualTo("retrieval-only");
		assertThat(ChatHttp.joined(events, "token")).startsWith("（智能回答暂时不可用");
	}

	@Test
	void badInputIsAProblemNotAStream() {
		ChatApiTests.assertProblem(this.http.post("/api/chat/stream", "{\"message\":\"\"}"), 400);
		ChatApiTests.assertProblem(
				this.http.post("/api/chat/stream", ChatHttp.body(Map.of("conversationId", "nope", "message", "你好"))),
				404);
		ChatApiTests.assertProblem(this.http.post("/api/chat/stream", "not json"), 400);
	}

	@Test
	void hangingUpCancelsTheModelCall() throws Exception {
		this.deepseek.onUserMessage("YF-AX3000 保修多久",
				ScriptedReply.text("主机保修两年。".repeat(200)).withReasoning("想一想。".repeat(200)));
		this.deepseek.faults().tokenDelay(Duration.ofMillis(50));
		HttpResponse<InputStream> response = this.http
			.openStream(ChatHttp.body(Map.of("message", "YF-AX3000 保修多久？")));
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			List<ChatHttp.Event> first = ChatHttp.events(reader, 3);
			assertThat(names(first)).startsWith("meta", "reasoning");
		}
		assertThat(this.deepseek.requests().last().awaitClientDisconnect(Duration.ofSeconds(20))).isTrue();
		this.deepseek.faults().clear();
	}

	private static List<String> names(List<ChatHttp.Event> events) {
		return events.stream().map(ChatHttp.Event::name).toList();
	}

}
