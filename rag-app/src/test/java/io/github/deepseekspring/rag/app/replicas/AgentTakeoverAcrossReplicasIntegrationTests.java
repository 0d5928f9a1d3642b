package io.github.deepseekspring.rag.app.replicas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.deepseekspring.rag.app.agent.SupportHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A human takes over across two replicas sharing PostgreSQL: the customer's stream is held by one replica, the agent
 * works on the other, and each hears the other through the database; agents racing for one ticket on both replicas
 * at once leave exactly one holder.
 */
class AgentTakeoverAcrossReplicasIntegrationTests {

	private static TwoReplicas replicas;

	@BeforeAll
	static void replicas() {
		replicas = TwoReplicas.shared();
	}

	private static String[] customerAskingForAHuman(SupportHttp customer) {
		String conversationId = customer.chat(null, "Can a colleague check my YF-Q9 order, please?")
			.assertStatus(200)
			.body()
			.path("conversationId")
			.asString();
		String ticketId = customer.post("/api/chat/" + conversationId + "/handoff", Map.of())
			.assertStatus(201)
			.body()
			.path("ticketId")
			.asString();
		return new String[] { conversationId, ticketId };
	}

	@Test
	void theCustomerOnReplicaAAndTheAgentOnReplicaBHearEachOther() throws Exception {
		SupportHttp customerOnA = SupportHttp.customer(replicas.a().port());
		String[] asked = customerAskingForAHuman(customerOnA);
		String channel = "/api/chat/" + asked[0] + "/agent";
		String ticket = "/api/agent/tickets/" + asked[1];
		SupportHttp agentOnB = SupportHttp.staff(replicas.b().port(), TwoReplicas.AGENT, TwoReplicas.AGENT_PASSWORD);

		try (SupportHttp.Events customerSide = customerOnA.events(channel + "/events")) {
			assertThat(customerSide.next("state").data().path("state").asString()).isEqualTo("waiting");
			agentOnB.post(ticket + "/take", null).assertStatus(200);
			assertThat(customerSide.next("joined").data().path("author").asString()).isEqualTo("Li Na");
			customerOnA.chat(asked[0], "Order A-1024, please.").assertProblem(409);

			try (SupportHttp.Events agentSide = agentOnB.events(ticket + "/events?after=1")) {
				agentSide.next("state");
				customerOnA.post(channel + "/messages", Map.of("message", "Order A-1024, please.")).assertStatus(201);
				assertThat(agentSide.next("customer").data().path("text").asString()).isEqualTo("Order A-1024, please.");
			}
			customerSide.next("customer");
			agentOnB.post(ticket + "/messages", Map.of("text", "A-1024 ships tomorrow.")).assertStatus(201);
			assertThat(customerSide.next("agent").data().path("text").asString()).isEqualTo("A-1024 ships tomorrow.");
			agentOnB.post(ticket + "/hand-back", null).assertStatus(200);
			customerSide.next("handed-back");
			customerSide.assertEnds();
		}
		assertThat(customerOnA.chat(asked[0], "Thanks!").status()).isEqualTo(200);
	}

	@Test
	void agentsTakingOneTicketOnBothReplicasAtOnceLeaveOneHolder() throws Exception {
		String[] asked = customerAskingForAHuman(SupportHttp.customer(replicas.a().port()));
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> takes = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			for (int i = 0; i < 8; i++) {
				Replica replica = (i % 2 == 0) ? replicas.a() : replicas.b();
				SupportHttp agent = SupportHttp.staff(replica.port(), (i < 4) ? TwoReplicas.AGENT : "wang.wei",
						TwoReplicas.AGENT_PASSWORD);
				takes.add(pool.submit(() -> {
					start.await();
					return agent.post("/api/agent/tickets/" + asked[1] + "/take", null).status();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> take : takes) {
				statuses.add(take.get());
			}
			assertThat(statuses).containsOnly(200, 409).filteredOn((status) -> status == 200).hasSize(1);
		}
	}

}
