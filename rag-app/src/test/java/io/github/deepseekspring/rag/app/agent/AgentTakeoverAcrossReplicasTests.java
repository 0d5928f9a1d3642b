package io.github.deepseekspring.rag.app.agent;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import io.github.deepseekspring.rag.app.RagApplication;
import io.github.deepseekspring.testkit.ScriptedReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of the app share the database (here one H2 in-memory database that two application contexts in this
 * JVM open by the same URL; in production PostgreSQL): the customer's stream is held by one, the agent works on the
 * other, and each side still sees the other's messages, through the database alone.
 */
class AgentTakeoverAcrossReplicasTests extends CustomerServiceApp {

	private static ConfigurableApplicationContext replicaB;

	@Autowired
	Environment environment;

	@Autowired
	DataSource dataSource;

	private int replicaB() throws SQLException {
		if (replicaB == null) {
			// The URL this replica opened (the configured one names a random database, drawn anew on every read).
			String url;
			try (Connection connection = this.dataSource.getConnection()) {
				url = connection.getMetaData().getURL();
			}
			// Command-line arguments: they win over application.properties (builder properties would not).
			replicaB = new SpringApplicationBuilder(RagApplication.class).run("--server.port=0",
					"--spring.datasource.url=" + url,
					"--deepseek.rag.security.secret=" + this.environment.getProperty("deepseek.rag.security.secret"),
					"--deepseek.rag.admin.password=" + ADMIN_PASSWORD, "--deepseek.rag.agents[0].username=li.na",
					"--deepseek.rag.agents[0].password=" + PASSWORD, "--deepseek.rag.agents[0].display-name=Li Na",
					"--deepseek.rag.store=lucene", "--deepseek.rag.sample-data=false",
					"--deepseek.rag.data-dir=target/support-tests/replica-b-" + System.nanoTime(),
					"--deepseek.rag.agent-channel.poll-interval=100ms");
		}
		return ((WebServerApplicationContext) replicaB).getWebServer().getPort();
	}

	@AfterAll
	static void stopReplicaB() {
		if (replicaB != null) {
			replicaB.close();
			replicaB = null;
		}
	}

	@Test
	void theCustomerOnOneReplicaAndTheAgentOnTheOtherHearEachOther() throws Exception {
		this.deepseek.onUserMessage("YF-Q7 warranty", ScriptedReply.text("The YF-Q7 has a 30-month warranty [1]."));
		SupportHttp customerOnA = customer();
		String conversationId = customerOnA.chat(null, "How long is the YF-Q7 warranty?").body()
			.path("conversationId").asString();
		String ticketId = customerOnA.post("/api/chat/" + conversationId + "/handoff", Map.of())
			.assertStatus(201).body().path("ticketId").asString();
		SupportHttp agentOnB = SupportHttp.staff(replicaB(), "li.na", PASSWORD);
		String ticket = "/api/agent/tickets/" + ticketId;

		try (SupportHttp.Events customerSide = customerOnA.events("/api/chat/" + conversationId + "/agent/events")) {
			customerSide.next("state");
			agentOnB.post(ticket + "/take", null).assertStatus(200);
			assertThat(customerSide.next("joined").data().path("author").asString()).isEqualTo("Li Na");
			customerOnA.chat(conversationId, "Does it cover water damage?").assertProblem(409);

			try (SupportHttp.Events agentSide = agentOnB.events(ticket + "/events?after=1")) {
				agentSide.next("state");
				customerOnA.post("/api/chat/" + conversationId + "/agent/messages",
						Map.of("message", "Does it cover water damage?")).assertStatus(201);
				assertThat(agentSide.next("customer").data().path("text").asString())
					.isEqualTo("Does it cover water damage?");
			}
			customerSide.next("customer");
			agentOnB.post(ticket + "/messages", Map.of("text", "No, water damage is not covered.")).assertStatus(201);
			assertThat(customerSide.next("agent").data().path("text").asString())
				.isEqualTo("No, water damage is not covered.");
			agentOnB.post(ticket + "/hand-back", null).assertStatus(200);
			customerSide.next("handed-back");
			customerSide.assertEnds();
		}
		assertThat(customerOnA.chat(conversationId, "Thanks, and the YF-Q7 warranty?").status()).isEqualTo(200);
	}

}
