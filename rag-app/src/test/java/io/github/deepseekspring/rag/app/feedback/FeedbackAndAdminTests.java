package io.github.deepseekspring.rag.app.feedback;

import java.util.Map;

import io.github.deepseekspring.rag.app.chat.ChatHttpAccess;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static io.github.deepseekspring.rag.app.chat.ChatHttpAccess.assertProblem;

/** Feedback and hand-off by customers, and what the administrators see of them. */
@ChatHttpAccess.ChatApp
class FeedbackAndAdminTests {

	@Autowired
	DeepSeekSimulator deepseek;

	@Value("${local.server.port}")
	int port;

	@Test
	void ratedAnswerAndHandoffShowUpForTheAdministrators() {
		ChatHttpAccess customer = new ChatHttpAccess(this.port);
		JsonNode reply = customer.chat(null, "帮我写一首关于春天的诗");
		String conversationId = reply.path("conversationId").asString();
		String messageId = reply.path("messageId").asString();
		assertThat(customer.post("/api/chat/" + conversationId + "/feedback",
				Map.of("messageId", messageId, "rating", "down", "comment", "没有回答我的问题")).status())
			.isEqualTo(204);
		ChatHttpAccess.Reply ticket = customer.post("/api/chat/" + conversationId + "/handoff",
				Map.of("reason", "想找人工", "contact", "138-0000-0000"));
		assertThat(ticket.status()).isEqualTo(201);
		assertThat(ticket.body().path("status").asString()).isEqualTo("open");
		String ticketId = ticket.body().path("ticketId").asString();

		JsonNode feedback = customer.admin("GET", "/api/admin/feedback?rating=down").body();
		JsonNode entry = find(feedback, "messageId", messageId);
		assertThat(entry.path("question").asString()).isEqualTo("帮我写一首关于春天的诗");
		assertThat(entry.path("answer").asString()).contains("人工客服");
		assertThat(entry.path("comment").asString()).isEqualTo("没有回答我的问题");
		assertThat(entry.path("conversationId").asString()).isEqualTo(conversationId);
		assertThat(customer.admin("GET", "/api/admin/feedback?rating=up").body().toString()).doesNotContain(messageId);

		JsonNode open = find(customer.admin("GET", "/api/admin/tickets?status=open").body(), "ticketId", ticketId);
		assertThat(open.path("contact").asString()).isEqualTo("138-0000-0000");
		assertThat(open.path("conversationId").asString()).isEqualTo(conversationId);
		assertThat(customer.admin("POST", "/api/admin/tickets/" + ticketId + "/close").status()).isEqualTo(204);
		assertThat(customer.admin("GET", "/api/admin/tickets?status=open").body().toString()).doesNotContain(ticketId);
		assertThat(find(customer.admin("GET", "/api/admin/tickets?status=closed").body(), "ticketId", ticketId)
			.path("status").asString()).isEqualTo("closed");
	}

	@Test
	void unansweredQuestionsAreGroupedByMeaning() {
		ChatHttpAccess customer = new ChatHttpAccess(this.port);
		customer.chat(null, "帮我写一首关于春天的诗");
		customer.chat(null, "帮我写一首春天的诗吧");
		customer.chat(null, "怎么做红烧肉");
		JsonNode groups = customer.admin("GET", "/api/admin/unanswered").body();
		JsonNode poems = null;
		JsonNode pork = null;
		for (JsonNode group : groups) {
			if (group.path("examples").toString().contains("帮我写一首春天的诗吧")) {
				poems = group;
			}
			if (group.path("examples").toString().contains("红烧肉")) {
				pork = group;
			}
		}
		assertThat(poems).isNotNull();
		assertThat(poems.path("examples").toString()).contains("帮我写一首关于春天的诗").doesNotContain("红烧肉");
		assertThat(poems.path("count").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(poems.path("lastAskedAt").asString()).isNotBlank();
		assertThat(pork).isNotNull().isNotEqualTo(poems);
	}

	@Test
	void backendStatusShowsTheSimulatorAndTodaysUsage() {
		ChatHttpAccess customer = new ChatHttpAccess(this.port);
		this.deepseek.onUserMessage("退货需要多少天", ScriptedReply.text("七天无理由退货 [1]。"));
		customer.chat(null, "退货需要多少天");
		JsonNode status = customer.admin("GET", "/api/admin/backend").body();
		assertThat(status.path("remote").path("configured").asBoolean()).isTrue();
		assertThat(status.path("remote").path("up").asBoolean()).isTrue();
		assertThat(status.path("remote").path("circuit").asString()).isEqualTo("CLOSED");
		assertThat(status.path("local").path("configured").asBoolean()).isFalse();
		assertThat(status.path("today").path("calls").asLong()).isPositive();
		assertThat(status.path("today").path("promptTokens").asLong()).isPositive();
		assertThat(status.path("today").path("costCny").decimalValue()).isPositive();
	}

	@Test
	void badInputAnswersProblemDetails() {
		ChatHttpAccess customer = new ChatHttpAccess(this.port);
		JsonNode reply = customer.chat(null, "能开发票吗");
		String conversationId = reply.path("conversationId").asString();
		String messageId = reply.path("messageId").asString();
		String feedback = "/api/chat/" + conversationId + "/feedback";
		assertProblem(customer.post(feedback, Map.of("messageId", messageId, "rating", "meh")), 400);
		assertProblem(customer.post(feedback, Map.of("messageId", "no-such-message", "rating", "up")), 400);
		assertProblem(customer.post(feedback, Map.of("messageId", messageId, "rating", "up", "comment", "长".repeat(2001))), 400);
		assertProblem(customer.postRaw(feedback, "{\"messageId\":"), 400);
		assertProblem(customer.post("/api/chat/" + conversationId + "/handoff", Map.of("contact", "1".repeat(201))), 400);
		assertProblem(new ChatHttpAccess(this.port).post(feedback, Map.of("messageId", messageId, "rating", "up")), 404);
		assertProblem(new ChatHttpAccess(this.port).post("/api/chat/" + conversationId + "/handoff", Map.of()), 404);
		assertProblem(customer.admin("GET", "/api/admin/tickets?status=weird"), 400);
		assertProblem(customer.admin("GET", "/api/admin/feedback?rating=meh"), 400);
		assertProblem(customer.admin("POST", "/api/admin/tickets/no-such-ticket/close"), 404);
		assertThat(customer.getAnonymous("/api/admin/feedback").status()).isEqualTo(401);
		assertThat(customer.post(feedback, Map.of("messageId", messageId, "rating", "up")).status()).isEqualTo(204);
	}

	private static JsonNode find(JsonNode array, String field, String value) {
		for (JsonNode node : array) {
			if (value.equals(node.path(field).asString())) {
				return node;
			}
		}
		throw new AssertionError("no " + field + " " + value + " in " + array);
	}

}
