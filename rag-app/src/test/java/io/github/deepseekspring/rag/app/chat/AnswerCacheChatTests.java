package io.github.deepseekspring.rag.app.chat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.github.deepseekspring.rag.KnowledgeBase;
import io.github.deepseekspring.rag.ingest.DocumentFormat;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.TestImages;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answer cache through the chat API on the DeepSeek simulator: a repeated question costs no model call and keeps
 * its citations (JSON and stream, mode cache), a changed document invalidates the answer, questions with personal
 * data or photos and dependent follow-ups are never cached, feedback counts against the entry, and the administrator
 * lists and purges entries.
 */
@ChatAppTest
@TestPropertySource(properties = "deepseek.rag.cache.enabled=true")
class AnswerCacheChatTests {

	private static final String WARRANTY = """
			# YF-Z9 cache test router warranty

			The YF-Z9 cache test router has a warranty of 18 months from the date of purchase. Keep the invoice.
			""";

	@Autowired
	DeepSeekSimulator deepseek;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KnowledgeBase knowledgeBase;

	@Value("${local.server.port}")
	int port;

	ChatHttp http;

	@BeforeEach
	void reset() {
		this.deepseek.reset();
		this.jdbc.sql("delete from answer_cache").update();
		this.knowledgeBase.ingest(WARRANTY.getBytes(StandardCharsets.UTF_8), DocumentFormat.MARKDOWN,
				"yf-z9-warranty.md", "YF-Z9 warranty");
		this.http = new ChatHttp(this.port);
		this.deepseek.onUserMessage("YF-Z9 cache test router warranty",
				ScriptedReply.text("The YF-Z9 has an **18-month** warranty [1]."));
	}

	private int modelCalls() {
		return this.deepseek.requests().count("/chat/completions");
	}

	@Test
	void aRepeatedQuestionIsAnsweredFromTheCacheWithItsCitations() {
		ChatHttp.Response first = this.http.chat(null, "How long is the YF-Z9 cache test router warranty?");
		assertThat(first.body().path("mode").asString()).isEqualTo("llm");
		int calls = modelCalls();

		ChatHttp.Response again = new ChatHttp(this.port).chat(null, "how long is the YF-Z9 cache test router warranty");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body().path("mode").asString()).isEqualTo("cache");
		assertThat(again.body().path("answer").asString()).isEqualTo(first.body().path("answer").asString());
		assertThat(again.body().path("citations")).isEqualTo(first.body().path("citations"));
		assertThat(again.body().has("usage")).isFalse();
		assertThat(modelCalls()).isEqualTo(calls);

		List<ChatHttp.Event> events = new ChatHttp(this.port)
			.stream(ChatHttp.body(Map.of("message", "How long is the YF-Z9 cache test router warranty?")));
		assertThat(ChatHttp.event(events, "meta").path("mode").asString()).isEqualTo("cache");
		assertThat(ChatHttp.event(events, "done").path("mode").asString()).isEqualTo("cache");
		assertThat(ChatHttp.joined(events, "token")).contains("18-month").contains("[1]");
		assertThat(ChatHttp.event(events, "citations").path("citations").get(0).path("title").asString())
			.contains("YF-Z9");
		assertThat(modelCalls()).isEqualTo(calls);

		// the conversation's history (what later prompts repeat) keeps the answer with its own passage numbers
		String conversationId = again.body().path("conversationId").asString();
		List<String> said = this.jdbc.sql("select prompt_text from message where conversation_id = ? and role = 'assistant' "
				+ "order by seq").param(conversationId).query(String.class).list();
		assertThat(said.get(0)).matches("The YF-Z9 has an \\*\\*18-month\\*\\* warranty \\[\\d+]\\.");
	}

	@Test
	void aChangedDocumentInvalidatesTheCachedAnswer() {
		this.http.chat(null, "How long is the YF-Z9 cache test router warranty?");
		// another replica (or an admin) replaces the document in the shared store
		this.knowledgeBase.ingest(WARRANTY.replace("18 months", "24 months").getBytes(StandardCharsets.UTF_8),
				DocumentFormat.MARKDOWN, "yf-z9-warranty.md", "YF-Z9 warranty");
		ChatHttp.Response after = this.http.chat(null, "How long is the YF-Z9 cache test router warranty?");
		assertThat(after.body().path("mode").asString()).isEqualTo("llm");
	}

	@Test
	void personalDataPhotosAndDependentFollowUpsAreNeverCached() {
		String withPhone = "How long is the YF-Z9 cache test router warranty? Call me on 13812345678";
		this.http.chat(null, withPhone);
		assertThat(this.http.chat(null, withPhone).body().path("mode").asString()).isEqualTo("llm");

		String photo = PhotoQuestionTests.dataUrl(TestImages.png(), "image/png");
		String question = "How long is the YF-Z9 cache test router warranty for this one?";
		this.http.post("/api/chat", ChatHttp.body(Map.of("message", question, "images", List.of(photo))));
		assertThat(this.http.post("/api/chat", ChatHttp.body(Map.of("message", question, "images", List.of(photo))))
			.body()
			.path("mode")
			.asString()).isEqualTo("llm");

		// a follow-up the model did not rewrite (the simulator answers the rewrite with an echo) depends on the
		// conversation: neither stored nor served
		String conversationId = this.http.chat(null, "What is the YF-Z9 cache test router?")
			.body()
			.path("conversationId")
			.asString();
		this.http.chat(conversationId, "and the YF-Z9 cache test router warranty?");
		String other = this.http.chat(null, "Tell me about the YF-Z9 cache test router")
			.body()
			.path("conversationId")
			.asString();
		assertThat(this.http.chat(other, "and the YF-Z9 cache test router warranty?").body().path("mode").asString())
			.isEqualTo("llm");
		assertThat(this.jdbc.sql("select question from answer_cache").query(String.class).list())
			.noneMatch((cached) -> cached.contains("13812345678") || cached.contains("this one")
					|| cached.startsWith("and the"));
	}

	@Test
	void feedbackCountsAgainstTheEntryAndTheAdministratorPurgesIt() {
		this.http.chat(null, "How long is the YF-Z9 cache test router warranty?");
		ChatHttp.Response cached = this.http.chat(null, "How long is the YF-Z9 cache test router warranty?");
		assertThat(cached.body().path("mode").asString()).isEqualTo("cache");
		String conversationId = cached.body().path("conversationId").asString();
		assertThat(this.http.post("/api/chat/" + conversationId + "/feedback", ChatHttp.body(
				Map.of("messageId", cached.body().path("messageId").asString(), "rating", "up")))
			.status()).isEqualTo(204);

		JsonNode entries = this.http.admin("GET", "/api/admin/cache").body();
		assertThat(entries).hasSize(1);
		JsonNode entry = entries.get(0);
		assertThat(entry.path("hits").asLong()).isEqualTo(1);
		assertThat(entry.path("thumbsUp").asLong()).isEqualTo(1);
		assertThat(entry.path("question").asString()).contains("YF-Z9");

		assertThat(this.http.admin("DELETE", "/api/admin/cache/no-such-entry").status()).isEqualTo(404);
		assertThat(this.http.admin("DELETE", "/api/admin/cache/" + entry.path("entryId").asString()).status())
			.isEqualTo(204);
		assertThat(this.http.chat(null, "How long is the YF-Z9 cache test router warranty?").body().path("mode")
			.asString()).isEqualTo("llm");
		assertThat(new ChatHttp(this.port).get("/api/admin/cache").status()).isEqualTo(401);
	}

	@Test
	void answersRatedDownAreNotServedAgain() {
		this.http.chat(null, "How long is the YF-Z9 cache test router warranty?");
		ChatHttp.Response cached = this.http.chat(null, "How long is the YF-Z9 cache test router warranty?");
		this.http.post("/api/chat/" + cached.body().path("conversationId").asString() + "/feedback", ChatHttp.body(
				Map.of("messageId", cached.body().path("messageId").asString(), "rating", "down")));
		assertThat(this.http.chat(null, "How long is the YF-Z9 cache test router warranty?").body().path("mode")
			.asString()).isEqualTo("llm");
	}

}
