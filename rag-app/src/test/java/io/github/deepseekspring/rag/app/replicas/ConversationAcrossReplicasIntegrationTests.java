package io.github.deepseekspring.rag.app.replicas;

import java.util.Map;

import io.github.deepseekspring.testkit.RecordedRequest;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer moves between two replicas sharing PostgreSQL, as a load balancer without stickiness sends them: the
 * conversation started on one continues on the other (with its history in the prompt), feedback, hand-off tickets,
 * the audit log and the code assistant's daily budget are the same on both, and an erasure on one holds on the other.
 */
class ConversationAcrossReplicasIntegrationTests {

	private static TwoReplicas replicas;

	private static DeepSeekSimulator deepseek;

	@BeforeAll
	static void knowledgeBase() {
		replicas = TwoReplicas.shared();
		deepseek = replicas.deepseek();
		ResponseEntity<JsonNode> uploaded = Browser.adminApi().post(replicas.a(), "/api/kb/documents",
				Map.of("title", "YF-Q9 保修政策", "source", "yf-q9-warranty.md",
						"text", "YF-Q9 旅行路由器主机保修三年，电源适配器保修一年，保修期从签收之日起计算。"));
		assertThat(uploaded.getStatusCode().value()).as(String.valueOf(uploaded.getBody())).isIn(200, 201);
	}

	@Test
	void aConversationStartedOnOneReplicaContinuesOnTheOther() {
		deepseek.onUserMessage("YF-Q9 旅行路由器保修多久", ScriptedReply.text("YF-Q9 主机保修三年 [1]。"));
		deepseek.onUserMessage("那电源适配器呢", ScriptedReply.text("电源适配器保修一年 [1]。"));
		deepseek.onUserMessage("Latest question: 那电源适配器呢", ScriptedReply.text(
				"{\"standalone\": \"YF-Q9 的电源适配器保修多久？\", \"translation\": \"How long is the YF-Q9 adapter warranty?\"}"));
		Browser customer = Browser.anonymous();

		JsonNode first = customer.post(replicas.a(), "/api/chat", Map.of("message", "YF-Q9 旅行路由器保修多久？")).getBody();
		assertThat(first.path("mode").asString()).isEqualTo("llm");
		String conversationId = first.path("conversationId").asString();

		ResponseEntity<JsonNode> second = customer.post(replicas.b(), "/api/chat",
				Map.of("conversationId", conversationId, "message", "那电源适配器呢？"));
		assertThat(second.getStatusCode().value()).as(String.valueOf(second.getBody())).isEqualTo(200);
		assertThat(second.getBody().path("conversationId").asString()).isEqualTo(conversationId);
		assertThat(second.getBody().path("answer").asString()).contains("电源适配器保修一年");
		// B read A's turn back from the database and sent it to the model as the conversation's history.
		assertThat(answeringRequest("那电源适配器呢").json().path("messages").toString())
			.contains("YF-Q9 旅行路由器保修多久", "YF-Q9 主机保修三年");

		for (Replica replica : new Replica[] { replicas.a(), replicas.b() }) {
			JsonNode history = customer.get(replica, "/api/chat/" + conversationId).getBody();
			assertThat(history.path("messages")).as("history on " + replica).hasSize(4);
			assertThat(history.path("messages").get(3).path("content").asString()).contains("电源适配器保修一年");
		}
		assertThat(Browser.anonymous().get(replicas.b(), "/api/chat/" + conversationId).getStatusCode().value())
			.as("another browser, on the other replica").isEqualTo(404);
	}

	@Test
	void feedbackTicketsAndAuditAreSharedAndAnErasureHoldsOnBoth() {
		deepseek.onUserMessage("YF-Q9 保修从哪天开始算", ScriptedReply.text("从签收之日起计算 [1]。"));
		Browser customer = Browser.anonymous();
		Browser admin = Browser.adminApi();
		JsonNode answer = customer.post(replicas.a(), "/api/chat", Map.of("message", "YF-Q9 保修从哪天开始算？")).getBody();
		String conversationId = answer.path("conversationId").asString();
		String chat = "/api/chat/" + conversationId;

		assertThat(customer.post(replicas.b(), chat + "/feedback",
				Map.of("messageId", answer.path("messageId").asString(), "rating", "down", "comment", "想知道发票日期算不算"))
			.getStatusCode().value()).isEqualTo(204);
		ResponseEntity<JsonNode> ticket = customer.post(replicas.b(), chat + "/handoff",
				Map.of("reason", "想找人工", "contact", "yf-q9-buyer@example.com"));
		assertThat(ticket.getStatusCode().value()).isEqualTo(201);
		String ticketId = ticket.getBody().path("ticketId").asString();

		assertThat(admin.get(replicas.a(), "/api/admin/feedback?rating=down").getBody().toString())
			.contains(answer.path("messageId").asString(), "想知道发票日期算不算");
		assertThat(admin.get(replicas.a(), "/api/admin/tickets?status=open").getBody().toString()).contains(ticketId);
		assertThat(admin.post(replicas.a(), "/api/admin/tickets/" + ticketId + "/close", Map.of()).getStatusCode().value())
			.isEqualTo(204);
		assertThat(admin.get(replicas.b(), "/api/admin/tickets?status=closed").getBody().toString()).contains(ticketId);
		// The model call was made and audited by A; B's export has it.
		assertThat(admin.page(replicas.b(), "/api/admin/audit.csv").getBody()).contains(conversationId);

		assertThat(customer.delete(replicas.b(), chat).getStatusCode().value()).isEqualTo(204);
		assertThat(customer.get(replicas.a(), chat).getStatusCode().value()).isEqualTo(404);
		assertThat(admin.get(replicas.a(), "/api/admin/tickets?status=closed").getBody().toString())
			.doesNotContain(ticketId);
	}

	@Test
	void theCodeAssistantsDailyBudgetIsCountedForBothReplicas() {
		deepseek.onUserMessage("print a greeting", ScriptedReply.text("```python\nprint('hi')\n```"));
		Browser coder = Browser.withApiKey();
		Map<String, String> task = Map.of("language", "python", "task", "print a greeting");

		assertThat(coder.post(replicas.a(), "/api/code", task).getStatusCode().value()).isEqualTo(200);
		ResponseEntity<JsonNode> spent = coder.post(replicas.b(), "/api/code", task);
		assertThat(spent.getStatusCode().value()).as("the 1-token budget was spent on the other replica").isEqualTo(429);
		assertThat(spent.getBody().path("detail").asString()).contains("daily token budget");
	}

	/** The last chat request the replicas sent to answer a question (not to rewrite it). */
	private static RecordedRequest answeringRequest(String question) {
		return deepseek.requests()
			.all()
			.stream()
			.filter((request) -> request.body().contains(question) && !request.body().contains("Latest question"))
			.reduce((earlier, later) -> later)
			.orElseThrow(() -> new AssertionError("No request answered " + question));
	}

}
