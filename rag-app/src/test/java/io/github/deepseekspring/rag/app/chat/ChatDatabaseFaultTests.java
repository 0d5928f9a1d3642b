package io.github.deepseekspring.rag.app.chat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import io.github.deepseekspring.autoconfigure.test.UseDeepSeekSimulator;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database briefly unavailable (the app's real H2 database behind a switch that refuses connections, as a pool
 * does when the server is gone): feedback, handoff and new messages are refused with a 503 problem detail and
 * {@code Retry-After}, never a 500 or a stack trace, and nothing half-stored; once it is back the same requests are
 * stored, exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deepseek.rag.store=lucene", "deepseek.rag.data-dir=target/db-fault-tests/${random.uuid}",
				"spring.datasource.url=jdbc:h2:mem:db-faults-${random.uuid};DB_CLOSE_DELAY=-1",
				"deepseek.rag.admin.password=test-admin-password", "deepseek.retry.max-attempts=1" })
@UseDeepSeekSimulator
class ChatDatabaseFaultTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	static final AtomicBoolean databaseDown = new AtomicBoolean();

	@Autowired
	DeepSeekSimulator deepseek;

	@Autowired
	JdbcClient jdbc;

	@Value("${local.server.port}")
	int port;

	private ChatHttp http;

	@BeforeEach
	void connect() {
		this.http = new ChatHttp(this.port);
	}

	@Test
	void feedbackAndHandoffAreStoredOrClearlyRefusedWhileTheDatabaseIsAway() throws Exception {
		this.deepseek.onUserMessage("YF-AX3000 保修多久", ScriptedReply.text("主机保修两年 [1]。"));
		HttpResponse<String> chat = post("/api/chat", Map.of("message", "YF-AX3000 保修多久？"));
		assertThat(chat.statusCode()).isEqualTo(200);
		JsonNode reply = json.readTree(chat.body());
		String conversationId = reply.path("conversationId").asString();
		Map<String, String> rating = Map.of("messageId", reply.path("messageId").asString(), "rating", "down",
				"comment", "没有回答我的问题");
		Map<String, String> handoff = Map.of("reason", "想找人工", "contact", "13812345678");

		databaseDown.set(true);
		try {
			assertRetryLater(post("/api/chat/" + conversationId + "/feedback", rating));
			assertRetryLater(post("/api/chat/" + conversationId + "/handoff", handoff));
			assertRetryLater(post("/api/chat", Map.of("message", "YF-AX3000 保修多久？")));
			assertRetryLater(post("/api/chat", Map.of("conversationId", conversationId, "message", "还有别的吗？")));
			assertRetryLater(this.http.exchange("GET", "/api/chat/" + conversationId, null));
		}
		finally {
			databaseDown.set(false);
		}

		assertThat(post("/api/chat/" + conversationId + "/feedback", rating).statusCode()).isEqualTo(204);
		assertThat(post("/api/chat/" + conversationId + "/handoff", handoff).statusCode()).isEqualTo(201);
		assertThat(count("feedback", conversationId)).as("the rating is stored once, after the retry").isOne();
		assertThat(count("ticket", conversationId)).as("the ticket is stored once, after the retry").isOne();
		assertThat(this.jdbc.sql("select count(*) from message where conversation_id = ?")
			.param(conversationId)
			.query(Long.class)
			.single()).as("the refused message left nothing half-stored").isEqualTo(2);
	}

	private long count(String table, String conversationId) {
		return this.jdbc.sql("select count(*) from " + table + " where conversation_id = ?")
			.param(conversationId)
			.query(Long.class)
			.single();
	}

	private static void assertRetryLater(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
				(seconds) -> assertThat(Integer.parseInt(seconds)).isPositive());
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(503);
		assertThat(problem.path("title").asString()).isEqualTo("Temporarily unavailable");
		assertThat(problem.path("detail").asString()).contains("try again");
		assertThat(response.body()).doesNotContain("Exception", "at io.", "trace");
	}

	private HttpResponse<String> post(String path, Map<String, String> body) {
		return this.http.exchange("POST", path, ChatHttp.body(body));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SwitchableDatabase {

		@Bean
		static BeanPostProcessor switchableDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof DataSource dataSource) ? new Switchable(dataSource) : bean;
				}
			};
		}

	}

	/** The real data source, refusing connections while {@link #databaseDown} is set. */
	static final class Switchable extends DelegatingDataSource {

		Switchable(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			refuseWhenDown();
			return super.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			refuseWhenDown();
			return super.getConnection(username, password);
		}

		private static void refuseWhenDown() throws SQLException {
			if (databaseDown.get()) {
				throw new SQLTransientConnectionException("Connection is not available (database down in this test)");
			}
		}

	}

}
