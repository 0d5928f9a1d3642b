package io.github.deepseekspring.rag.app.chat;

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

/** POST /api/chat against the sample knowledge base and the DeepSeek simulator: every mode, the prompt, bad input. */
@ChatAppTest
class ChatApiTests {

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
	void modelAnswerShowsOnlyCitedPassagesNumberedInOrderOfCitation() {
		this.deepseek.onUserMessage("YF-AX3000 保修多久",
				ScriptedReply.text("主机保修两年 [2]，以保修政策为准 [1][2]。").withReasoning("先看保修期限。"));
		ChatHttp.Response response = this.http.chat(null, "YF-AX3000 保修多久？");
		assertThat(response.status()).isEqualTo(200);
		JsonNode reply = response.body();
		assertThat(reply.path("mode").asString()).isEqualTo("llm");
		assertThat(reply.path("answer").asString()).isEqualTo("主机保修两年 [1]，以保修政策为准 [2][1]。");
		assertThat(reply.path("reasoning").asString()).isEqualTo("先看保修期限。");
		assertThat(reply.path("conversationId").asString()).isNotBlank();
		assertThat(reply.path("messageId").asString()).isNotBlank();
		JsonNode usage = reply.path("usage");
		assertThat(usage.path("promptTokens").asLong()).isPositive();
		assertThat(usage.path("cacheHitTokens").asLong() + usage.path("cacheMissTokens").asLong())
			.isEqualTo(usage.path("promptTokens").asLong());

		JsonNode request = this.deepseek.requests().last().json();
		JsonNode messages = request.path("messages");
		assertThat(messages.get(0).path("role").asString()).isEqualTo("system");
		assertThat(messages.get(0).path("content").asString()).contains("<passages>").contains("[[NOT_COVERED]]");
		String userTurn = messages.get(messages.size() - 1).path("content").asString();
		List<String> passages = PromptLayout.passages(userTurn);
		assertThat(passages).hasSizeGreaterThanOrEqualTo(2);
		JsonNode citations = reply.path("citations");
		assertThat(citations).hasSize(2);
		assertThat(citations.get(0).path("n").asInt()).isEqualTo(1);
		assertThat(passages.get(1)).contains(citations.get(0).path("snippet").asString().replace("…", ""));
		assertThat(passages.get(0)).contains(citations.get(1).path("snippet").asString().replace("…", ""));
		assertThat(citations.get(0).path("documentId").asString()).startsWith("doc-");
		assertThat(citations.get(0).path("title").asString()).isNotBlank();
	}

	@Test
	void faqQuestionIsAnsweredFromTheKnowledgeBaseWithoutTheModel() {
		ChatHttp.Response response = this.http.chat(null, "能开发票吗");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body().path("mode").asString()).isEqualTo("faq");
		assertThat(response.body().path("answer").asString()).contains("电子普通发票").endsWith("[1]");
		assertThat(response.body().path("citations").get(0).path("title").asString()).contains("FAQ");
		assertThat(response.body().has("usage")).isFalse();
		assertThat(this.deepseek.requests().count("/chat/completions")).isZero();
	}

	@Test
	void questionFarFromEveryPassageIsNotCoveredWithoutTheModel() {
		ChatHttp.Response response = this.http.chat(null, "帮我写一首关于春天的诗");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body().path("mode").asString()).isEqualTo("not-covered");
		assertThat(response.body().path("answer").asString()).contains("人工客服");
		assertThat(response.body().path("citations")).isEmpty();
		assertThat(this.deepseek.requests().count("/chat/completions")).isZero();
	}

	@Test
	void modelSentinelMeansNotCovered() {
		this.deepseek.onUserMessage("退货需要多少天", ScriptedReply.text("[[NOT_COVERED]]"));
		JsonNode reply = this.http.chat(null, "退货需要多少天").body();
		assertThat(reply.path("mode").asString()).isEqualTo("not-covered");
		assertThat(reply.path("answer").asString()).contains("人工客服").doesNotContain("NOT_COVERED");
	}

	@Test
	void failingModelFallsBackToLabelledPassages() {
		this.deepseek.faults().failNext(1, 400);
		ChatHttp.Response response = this.http.chat(null, "我的路由器总是掉线怎么办");
		assertThat(response.status()).isEqualTo(200);
		JsonNode reply = response.body();
		assertThat(reply.path("mode").asString()).isEqualTo("retrieval-only");
		assertThat(reply.path("answer").asString()).startsWith("（智能回答暂时不可用").contains("[1]").contains("掉线");
		assertThat(reply.path("citations").size()).isBetween(1, 3);
	}

	@Test
	void englishQuestionGetsTheEnglishSystemPrompt() {
		this.deepseek.onUserMessage("set up the mesh", ScriptedReply.text("Place the nodes within range [1]."));
		JsonNode reply = this.http.chat(null, "How do I set up the mesh network?").body();
		assertThat(reply.path("mode").asString()).isEqualTo("llm");
		String system = this.deepseek.requests().last().json().path("messages").get(0).path("content").asString();
		assertThat(system).startsWith("You are a customer-service assistant");
	}

	@Test
	void laterTurnsRepeatEarlierPromptsVerbatimSoTheCacheHits() {
		JsonNode first = this.http.chat(null, "YF-AX3000 保修多久？").body();
		String conversationId = first.path("conversationId").asString();
		JsonNode firstMessages = this.deepseek.requests().last().json().path("messages");
		JsonNode second = this.http.chat(conversationId, "退货需要多少天").body();
		assertThat(second.path("conversationId").asString()).isEqualTo(conversationId);
		JsonNode secondMessages = this.deepseek.requests().last().json().path("messages");
		assertThat(secondMessages).hasSize(firstMessages.size() + 2);
		for (int i = 0; i < firstMessages.size(); i++) {
			assertThat(secondMessages.get(i).path("content").asString())
				.isEqualTo(firstMessages.get(i).path("content").asString());
		}
		assertThat(secondMessages.get(firstMessages.size()).path("role").asString()).isEqualTo("assistant");
		assertThat(second.path("usage").path("cacheHitTokens").asLong()).isPositive();

		JsonNode history = this.http.get("/api/chat/" + conversationId).body();
		assertThat(history.path("messages")).hasSize(4);
		assertThat(history.path("messages").get(0).path("content").asString()).isEqualTo("YF-AX3000 保修多久？");
		assertThat(history.path("messages").get(1).path("role").asString()).isEqualTo("assistant");
		assertThat(history.path("messages").get(1).path("mode").asString()).isEqualTo("llm");
	}

	@Test
	void followUpSendsOnlyNewPassagesAndCitesEarlierOnesByNumber() {
		JsonNode first = this.http.chat(null, "YF-AX3000 保修多久？").body();
		String conversationId = first.path("conversationId").asString();
		String firstTurn = lastUserTurn();
		List<String> firstPassages = PromptLayout.passages(firstTurn);
		this.deepseek.onUserMessage("保修期是多长时间", ScriptedReply.text("主机保修两年 [1]。"));
		JsonNode second = this.http.chat(conversationId, "YF-AX3000 的保修期是多长时间？").body();
		String secondTurn = lastUserTurn();
		assertThat(secondTurn).containsPattern("<earlier-passages>[^<]*\\b1\\b");
		for (String passage : PromptLayout.passages(secondTurn)) {
			assertThat(firstPassages).doesNotContain(passage);
		}
		assertThat(secondTurn).doesNotContain("<passage n=\"1\"");
		assertThat(second.path("answer").asString()).isEqualTo("主机保修两年 [1]。");
		assertThat(firstPassages.get(0)).contains(second.path("citations").get(0).path("snippet").asString().replace("…", ""));
	}

	@Test
	void vagueFollowUpIsLookedUpWithThePreviousQuestion() {
		assertThat(this.http.chat(null, "那第二个呢？").body().path("mode").asString()).isEqualTo("not-covered");
		String conversationId = this.http.chat(null, "YF-AX3000 保修多久？").body().path("conversationId").asString();
		this.deepseek.onUserMessage("那第二个呢", ScriptedReply.text("电源适配器保修一年 [1]。"));
		JsonNode followUp = this.http.chat(conversationId, "那第二个呢？").body();
		assertThat(followUp.path("mode").asString()).isEqualTo("llm");
		assertThat(lastUserTurn()).endsWith("<question>\n那第二个呢？\n</question>");
	}

	private String lastUserTurn() {
		JsonNode messages = this.deepseek.requests().last().json().path("messages");
		return messages.get(messages.size() - 1).path("content").asString();
	}

	@Test
	void badInputAnswersProblemDetails() {
		assertProblem(this.http.chat(null, "   "), 400);
		assertProblem(this.http.chat(null, "很".repeat(2001)), 400);
		assertProblem(this.http.post("/api/chat", "{\"message\": "), 400);
		assertProblem(this.http.post("/api/chat", "{}"), 400);
		assertProblem(this.http.chat("no-such-conversation", "你好"), 404);
		assertProblem(this.http.get("/api/chat/no-such-conversation"), 404);
		assertThat(this.deepseek.requests().count("/chat/completions")).isZero();
	}

	@Test
	void anotherCallerCannotReadOrContinueAConversation() {
		String conversationId = this.http.chat(null, "能开发票吗").body().path("conversationId").asString();
		ChatHttp stranger = new ChatHttp(this.port);
		assertProblem(stranger.get("/api/chat/" + conversationId), 404);
		assertProblem(stranger.chat(conversationId, "能开发票吗"), 404);
		assertThat(this.http.get("/api/chat/" + conversationId).status()).isEqualTo(200);
	}

	static void assertProblem(ChatHttp.Response response, int status) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().path("status").asInt()).isEqualTo(status);
		assertThat(response.body().path("title").asString()).isNotBlank();
		assertThat(response.body().toString()).doesNotContain("Exception").doesNotContain("at io.");
	}

	static Map<String, String> message(String text) {
		return Map.of("message", text);
	}

}
