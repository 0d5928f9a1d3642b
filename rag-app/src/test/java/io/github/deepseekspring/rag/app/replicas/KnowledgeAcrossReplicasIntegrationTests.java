package io.github.deepseekspring.rag.app.replicas;

import java.util.List;
import java.util.Map;

import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The knowledge base is one Elasticsearch index behind both replicas, and nothing a replica keeps in memory serves an
 * answer from an older version of it: a document uploaded on one is searched and cited by the other and gone from
 * both when deleted there; an FAQ entry changed on one is answered as changed by the other, although each replica
 * caches the vectors of FAQ questions (keyed by the question's text, so a changed entry never meets an old vector, and
 * the answer is always the passage just retrieved); and a follow-up whose rewrite the model made before the change is
 * served from the rewrite cache (keyed by the questions alone, never by what they found) yet searched in the changed
 * index, also in a conversation that began before the change.
 */
class KnowledgeAcrossReplicasIntegrationTests {

	private static final String EXPIRY_QUESTION = "云帆会员积分多久过期？";

	private static final List<String> VALIDITIES = List.of("12 个月", "24 个月", "36 个月");

	private static TwoReplicas replicas;

	private static DeepSeekSimulator deepseek;

	private static Browser admin;

	@BeforeAll
	static void replicas() {
		replicas = TwoReplicas.shared();
		deepseek = replicas.deepseek();
		admin = Browser.adminApi();
	}

	@Test
	void aDocumentUploadedOnOneReplicaIsFoundOnTheOtherAndGoneFromBothWhenDeletedThere() {
		String documentId = upload(replicas.a(), "YF-L5 灯带说明", "yf-l5-light-strip.md",
				"YF-L5 智能灯带支持 1600 万种颜色，可以在云帆管家 App 里设置定时开关。");
		JsonNode hits = admin.get(replicas.b(), "/api/kb/search?q=YF-L5 灯带 颜色&k=3").getBody();
		assertThat(hits.get(0).path("documentId").asString()).isEqualTo(documentId);
		assertThat(admin.get(replicas.b(), "/api/kb/documents").getBody().toString()).contains(documentId);

		deepseek.onUserMessage("YF-L5 灯带支持多少种颜色", ScriptedReply.text("支持 1600 万种颜色 [1]。"));
		JsonNode reply = Browser.anonymous().post(replicas.b(), "/api/chat", Map.of("message", "YF-L5 灯带支持多少种颜色？"))
			.getBody();
		assertThat(reply.path("mode").asString()).isEqualTo("llm");
		assertThat(reply.path("citations").get(0).path("documentId").asString()).isEqualTo(documentId);

		assertThat(admin.delete(replicas.b(), "/api/kb/documents/" + documentId).getStatusCode().value()).isEqualTo(204);
		assertThat(admin.get(replicas.a(), "/api/kb/search?q=YF-L5 灯带 颜色&k=3").getBody().toString())
			.doesNotContain(documentId);
		assertThat(admin.get(replicas.a(), "/api/kb/documents").getBody().toString()).doesNotContain(documentId);
	}

	@Test
	void anFaqEntryChangedOnOneReplicaIsAnsweredAsChangedByTheOther() {
		String documentId = expiryFaq(replicas.a(), "12 个月");
		assertFaqAnswer(replicas.b(), "12 个月");
		assertFaqAnswer(replicas.a(), "12 个月");

		expiryFaq(replicas.a(), "24 个月");
		assertFaqAnswer(replicas.b(), "24 个月");
		expiryFaq(replicas.b(), "36 个月");
		assertFaqAnswer(replicas.a(), "36 个月");

		assertThat(admin.delete(replicas.a(), "/api/kb/documents/" + documentId).getStatusCode().value()).isEqualTo(204);
		JsonNode afterDelete = ask(replicas.b(), EXPIRY_QUESTION);
		assertThat(afterDelete.path("mode").asString()).isNotEqualTo("faq");
		assertThat(afterDelete.path("answer").asString()).doesNotContain("36 个月");
	}

	@Test
	void aFollowUpRewrittenBeforeAChangeIsSearchedInTheChangedKnowledgeBase() {
		String rules = "## 获得积分\n\n每消费 1 元获得 1 个云帆积分。\n\n## 积分转让\n\n";
		upload(replicas.a(), "云帆积分规则", "yf-points-rules.md", rules + "云帆积分不可转让，也不能兑换现金。");
		deepseek.onUserMessage("怎样获得云帆积分", ScriptedReply.text("每消费 1 元获得 1 个积分 [1]。"));
		deepseek.onUserMessage("那它可以转让吗", ScriptedReply.text("请看资料 [1]。"));
		deepseek.onUserMessage("Latest question: 那它可以转让吗", ScriptedReply.text(
				"{\"standalone\": \"云帆积分可以转让吗？\", \"translation\": \"Can Yunfan points be transferred?\"}"));
		Browser first = Browser.anonymous();
		followUp(first, startConversation(first, replicas.b()), replicas.b());

		Browser second = Browser.anonymous();
		String conversationId = startConversation(second, replicas.b());
		upload(replicas.a(), "云帆积分规则", "yf-points-rules.md", rules + "云帆积分可以转让给同一账号下的家庭成员。");
		String turn = followUp(second, conversationId, replicas.b());

		assertThat(rewrites("那它可以转让吗")).as("the second follow-up was rewritten from B's cache").isEqualTo(1);
		assertThat(turn).as("the passages sent with the follow-up").contains("可以转让给同一账号下的家庭成员");
	}

	private static String startConversation(Browser customer, Replica replica) {
		return customer.post(replica, "/api/chat", Map.of("message", "怎样获得云帆积分？"))
			.getBody()
			.path("conversationId")
			.asString();
	}

	/** Asks whether points can be transferred, and returns the user turn (question and passages) sent to the model. */
	private static String followUp(Browser customer, String conversationId, Replica replica) {
		JsonNode reply = customer.post(replica, "/api/chat",
				Map.of("conversationId", conversationId, "message", "那它可以转让吗？")).getBody();
		assertThat(reply.path("mode").asString()).as(reply.toString()).isEqualTo("llm");
		JsonNode messages = deepseek.requests().last().json().path("messages");
		return messages.get(messages.size() - 1).path("content").asString();
	}

	private static long rewrites(String question) {
		return deepseek.requests().all().stream()
			.filter((request) -> request.body().contains("Latest question: " + question))
			.count();
	}

	private static String expiryFaq(Replica replica, String validity) {
		return upload(replica, "云帆会员积分有效期", "yf-points-expiry.md",
				"## Q: " + EXPIRY_QUESTION + "\n\n会员积分自获得之日起 " + validity + "内有效，过期自动清零。");
	}

	private static void assertFaqAnswer(Replica replica, String validity) {
		JsonNode reply = ask(replica, EXPIRY_QUESTION);
		assertThat(reply.path("mode").asString()).as(reply.toString()).isEqualTo("faq");
		assertThat(reply.path("answer").asString()).as("answered by " + replica)
			.contains(validity)
			.doesNotContain(VALIDITIES.stream().filter((other) -> !other.equals(validity)).toArray(String[]::new));
	}

	private static JsonNode ask(Replica replica, String question) {
		return Browser.anonymous().post(replica, "/api/chat", Map.of("message", question)).getBody();
	}

	private static String upload(Replica replica, String title, String source, String text) {
		ResponseEntity<JsonNode> uploaded = admin.post(replica, "/api/kb/documents",
				Map.of("title", title, "source", source, "text", text));
		assertThat(uploaded.getStatusCode().value()).as(String.valueOf(uploaded.getBody())).isIn(200, 201);
		return uploaded.getBody().path("documentId").asString();
	}

}
