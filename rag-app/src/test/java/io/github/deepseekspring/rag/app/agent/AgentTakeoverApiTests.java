package io.github.deepseekspring.rag.app.agent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.deepseekspring.rag.app.chat.ChatHttpAccess.StreamEvent;
import io.github.deepseekspring.testkit.ScriptedReply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A human takes over a conversation through the API: the customer's stream shows the agent joining and answering,
 * the bot stays silent meanwhile, two agents can never both take a ticket, and nobody reads a channel that is not
 * theirs.
 */
class AgentTakeoverApiTests extends CustomerServiceApp {

	private static final Map<String, Object> CITED = Map.of("documentId", "doc-1", "title",
			"YF-Q7 travel router warranty", "source", "yf-q7-warranty.md", "snippet", "a warranty of 30 months");

	@Autowired
	JdbcClient jdbc;

	/** A customer who asked for a human: their conversation and open ticket. */
	record Waiting(SupportHttp customer, String conversationId, String ticketId) {

	}

	Waiting customerAskingForAHuman(String customerRef) {
		this.deepseek.onUserMessage("YF-Q7 warranty", ScriptedReply.text("The YF-Q7 has a 30-month warranty [1]."));
		SupportHttp customer = customer();
		JsonNode reply = customer.chat(null, "How long is the YF-Q7 warranty?").assertStatus(200).body();
		String conversationId = reply.path("conversationId").asString();
		Map<String, String> handoff = (customerRef != null)
				? Map.of("reason", "The customer asked for a human", "customerRef", customerRef)
				: Map.of("reason", "The customer asked for a human");
		String ticketId = customer.post("/api/chat/" + conversationId + "/handoff", handoff)
			.assertStatus(201)
			.body()
			.path("ticketId")
			.asString();
		return new Waiting(customer, conversationId, ticketId);
	}

	@Test
	void anAgentTakesOverAnswersWithACitationAndHandsBackToTheBot() throws Exception {
		Waiting waiting = customerAskingForAHuman("A-1024");
		String channel = "/api/chat/" + waiting.conversationId() + "/agent";
		SupportHttp liNa = agent("li.na");

		JsonNode inbox = liNa.get("/api/agent/tickets").assertStatus(200).body();
		JsonNode listed = find(inbox, waiting.ticketId());
		assertThat(listed.path("state").asString()).isEqualTo("waiting");
		assertThat(listed.path("customerRef").asString()).isEqualTo("A-1024");

		try (SupportHttp.Events customerSide = waiting.customer().events(channel + "/events")) {
			assertThat(customerSide.status()).isEqualTo(200);
			assertThat(customerSide.next("state").data().path("state").asString()).isEqualTo("waiting");

			JsonNode taken = liNa.post("/api/agent/tickets/" + waiting.ticketId() + "/take", null)
				.assertStatus(200)
				.body();
			assertThat(taken.path("state").asString()).isEqualTo("held");
			assertThat(taken.path("holder").asString()).isEqualTo("li.na");
			StreamEvent joined = customerSide.next("joined");
			assertThat(joined.data().path("author").asString()).isEqualTo("Li Na");
			assertThat(joined.data().toString()).doesNotContain("li.na");

			// The bot is silent: a message to it is refused, and the client sends it to the agent instead.
			int modelCalls = this.deepseek.requests().count();
			waiting.customer().chat(waiting.conversationId(), "Is the adapter covered too?").assertProblem(409);
			assertThat(this.deepseek.requests().count()).isEqualTo(modelCalls);
			try (SupportHttp.Events agentSide = liNa
				.events("/api/agent/tickets/" + waiting.ticketId() + "/events?after=1")) {
				assertThat(agentSide.next("state").data().path("agent").asString()).isEqualTo("Li Na");
				waiting.customer().post(channel + "/messages", Map.of("message", "Is the adapter covered too?"))
					.assertStatus(201);
				assertThat(agentSide.next("customer").data().path("text").asString())
					.isEqualTo("Is the adapter covered too?");
			}
			assertThat(customerSide.next("customer").data().path("seq").asInt()).isEqualTo(2);

			liNa.post("/api/agent/tickets/" + waiting.ticketId() + "/messages",
					Map.of("text", "Yes: the adapter for 12 months [1].", "citations", List.of(CITED)))
				.assertStatus(201);
			JsonNode reply = customerSide.next("agent").data();
			assertThat(reply.path("text").asString()).isEqualTo("Yes: the adapter for 12 months [1].");
			assertThat(reply.path("author").asString()).isEqualTo("Li Na");
			assertThat(reply.path("citations").get(0).path("n").asInt()).isEqualTo(1);
			assertThat(reply.path("citations").get(0).path("title").asString()).isEqualTo("YF-Q7 travel router warranty");

			liNa.post("/api/agent/tickets/" + waiting.ticketId() + "/hand-back", null).assertStatus(200);
			customerSide.next("handed-back");
			customerSide.assertEnds();
		}
		assertThat(waiting.customer().chat(waiting.conversationId(), "Thanks! And the YF-Q7 warranty?").status())
			.isEqualTo(200);
		waiting.customer().post(channel + "/messages", Map.of("message", "hello?")).assertProblem(409);

		JsonNode transcript = liNa.get("/api/agent/tickets/" + waiting.ticketId()).assertStatus(200).body();
		assertThat(transcript.path("ticket").path("state").asString()).isEqualTo("closed");
		List<String> kinds = new ArrayList<>();
		transcript.path("transcript").forEach((entry) -> kinds.add(entry.path("kind").asString()));
		assertThat(kinds).containsSubsequence("customer", "assistant", "joined", "customer", "agent", "handed-back",
				"customer", "assistant");
		JsonNode answer = transcript.path("transcript").get(1);
		assertThat(answer.path("parts").get(0).path("type").asString()).isEqualTo("text");
		assertThat(answer.path("parts").get(1).path("type").asString()).isEqualTo("citations");
		assertThat(answer.path("parts").get(1).path("citations").get(0).path("source").asString())
			.isEqualTo("yf-q7-warranty.md");

		// A reload replays the channel, and ends: no ticket is open any more.
		try (SupportHttp.Events replay = waiting.customer().events(channel + "/events?after=0")) {
			assertThat(replay.next("state").data().path("state").asString()).isEqualTo("none");
			replay.next("joined");
			replay.next("customer");
			replay.next("agent");
			replay.next("handed-back");
			replay.assertEnds();
		}
	}

	@Test
	void ofAgentsTakingATicketAtOnceExactlyOneHoldsIt() throws Exception {
		Waiting waiting = customerAskingForAHuman(null);
		int takers = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(takers)) {
			for (int i = 0; i < takers; i++) {
				SupportHttp taker = agent((i % 2 == 0) ? "li.na" : "wang.wei");
				answers.add(pool.submit(() -> {
					start.await();
					return taker.post("/api/agent/tickets/" + waiting.ticketId() + "/take", null).status();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get());
			}
			assertThat(statuses).containsOnly(200, 409);
			assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
		}
		assertThat(this.jdbc.sql("select count(*) from agent_message where ticket_id = ? and kind = 'joined'")
			.param(waiting.ticketId())
			.query(Long.class)
			.single()).isEqualTo(1);
		JsonNode ticket = agent("li.na").get("/api/agent/tickets/" + waiting.ticketId()).body().path("ticket");
		String holder = ticket.path("holder").asString();
		String other = holder.equals("li.na") ? "wang.wei" : "li.na";
		agent(other).post("/api/agent/tickets/" + waiting.ticketId() + "/take", null).assertProblem(409);
		agent(other).post("/api/agent/tickets/" + waiting.ticketId() + "/messages", Map.of("text", "Hi"))
			.assertProblem(409);
		agent(other).post("/api/agent/tickets/" + waiting.ticketId() + "/close", null).assertProblem(409);
		// The administrator may end anyone's hold.
		admin().post("/api/agent/tickets/" + waiting.ticketId() + "/close", null).assertStatus(200);
	}

	@Test
	void openStreamsHoldNoDatabaseConnection() throws Exception {
		Waiting waiting = customerAskingForAHuman(null);
		// More streams than the connection pool has connections (10): each must have given its connection back.
		List<SupportHttp.Events> streams = new ArrayList<>();
		try {
			for (int i = 0; i < 12; i++) {
				SupportHttp.Events stream = waiting.customer()
					.events("/api/chat/" + waiting.conversationId() + "/agent/events");
				streams.add(stream);
				assertThat(stream.next("state").data().path("state").asString()).isEqualTo("waiting");
			}
			agent("wang.wei").post("/api/agent/tickets/" + waiting.ticketId() + "/take", null).assertStatus(200);
			for (SupportHttp.Events stream : streams) {
				assertThat(stream.next("joined").data().path("author").asString()).isEqualTo("Wang Wei");
			}
		}
		finally {
			for (SupportHttp.Events stream : streams) {
				stream.close();
			}
		}
	}

	@Test
	void nobodyReadsOrWritesAnotherConversationsChannelAndOnlyStaffUseTheInbox() {
		Waiting waiting = customerAskingForAHuman(null);
		String channel = "/api/chat/" + waiting.conversationId() + "/agent";
		SupportHttp stranger = customer();
		stranger.chat(null, "How long is the YF-Q7 warranty?").assertStatus(200);
		stranger.get(channel + "/events").assertProblem(404);
		stranger.post(channel + "/messages", Map.of("message", "I am the customer, honestly")).assertProblem(404);
		customer().get(channel + "/events").assertProblem(404);

		customer().get("/api/agent/tickets").assertProblem(401);
		SupportHttp apiClient = SupportHttp.apiKey(this.port, "support-test-key-not-secret");
		apiClient.get("/api/agent/tickets").assertProblem(403);
		apiClient.post("/api/agent/tickets/" + waiting.ticketId() + "/take", null).assertProblem(403);
		apiClient.get("/api/agent/tickets/" + waiting.ticketId() + "/events").assertProblem(403);
		SupportHttp.staff(this.port, "li.na", "not-the-password").get("/api/agent/tickets").assertProblem(401);

		// Agents answer customers; administering the app stays the administrator's.
		agent("li.na").get("/api/admin/tickets").assertProblem(403);
		agent("li.na").get("/api/kb/documents").assertProblem(403);
		admin().get("/api/agent/tickets").assertStatus(200);
	}

	@Test
	void badInputAnswersProblemDetails() {
		Waiting waiting = customerAskingForAHuman(null);
		String ticket = "/api/agent/tickets/" + waiting.ticketId();
		String channel = "/api/chat/" + waiting.conversationId() + "/agent";
		SupportHttp liNa = agent("li.na");

		liNa.post("/api/agent/tickets/no-such-ticket/take", null).assertProblem(404);
		liNa.get("/api/agent/tickets/no-such-ticket").assertProblem(404);
		liNa.get("/api/agent/tickets/no-such-ticket/events").assertProblem(404);
		liNa.post(ticket + "/messages", Map.of("text", "Hello")).assertProblem(409);
		liNa.post(ticket + "/hand-back", null).assertProblem(409);
		waiting.customer().post(channel + "/messages", Map.of("message", "anyone?")).assertProblem(409);
		liNa.get(ticket + "/events?after=-1").assertProblem(400);
		liNa.get(ticket + "/events?after=soon").assertProblem(400);

		liNa.post(ticket + "/take", null).assertStatus(200);
		liNa.post(ticket + "/messages", Map.of("text", "   ")).assertProblem(400);
		liNa.post(ticket + "/messages", Map.of("text", "x".repeat(4001))).assertProblem(400);
		liNa.postJson(ticket + "/messages", "{\"text\":").assertProblem(400);
		liNa.post(ticket + "/messages", Map.of("text", "See [1]", "citations", List.of(Map.of("title", "no id"))))
			.assertProblem(400);
		liNa.post(ticket + "/messages", Map.of("text", "Many", "citations", Collections.nCopies(11, CITED)))
			.assertProblem(400);
		waiting.customer().post(channel + "/messages", Map.of("message", "")).assertProblem(400);
		waiting.customer().postJson(channel + "/messages", "not json").assertProblem(400);
		waiting.customer().get(channel + "/events?after=-5").assertProblem(400);
		liNa.post(ticket + "/close", null).assertStatus(200);
		liNa.post(ticket + "/close", null).assertProblem(409);
		liNa.post(ticket + "/take", null).assertProblem(409);
	}

	private static JsonNode find(JsonNode tickets, String ticketId) {
		for (JsonNode ticket : tickets) {
			if (ticketId.equals(ticket.path("ticketId").asString())) {
				return ticket;
			}
		}
		throw new AssertionError("No ticket " + ticketId + " in " + tickets);
	}

}
