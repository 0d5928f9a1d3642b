package io.github.deepseekspring.rag.app.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import io.github.deepseekspring.rag.app.chat.ChatHttpAccess;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack: reading secrets out of logs. Settings objects holding the admin password or the API keys print them in
 * {@code toString()} (a debug log line, an actuator page, an exception message away), and client addresses in logs
 * and audit rows are a plain SHA-256, which anyone reverses by hashing all 2^32 IPv4 addresses.
 */
@ChatHttpAccess.ChatApp
class SecretDisclosureInLogsTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	DeepSeekSimulator deepseek;

	@Autowired
	JdbcClient jdbc;

	@Value("${local.server.port}")
	int port;

	@Test
	void noSettingsObjectPrintsAPasswordOrAKey() {
		var beans = ConfigurationPropertiesBean.getAll(this.context);
		assertThat(beans).isNotEmpty();
		beans.forEach((name, bean) -> assertThat(String.valueOf(bean.getInstance())).as(name)
			.doesNotContain("test-admin-password")
			.doesNotContain("chat-test-key-not-secret"));
	}

	@Test
	void clientAddressesInAuditRowsAreKeyedHashes() throws Exception {
		this.deepseek.reset();
		this.deepseek.onUserMessage("YF-AX3000 保修多久", ScriptedReply.text("主机保修两年 [1]。"));
		String requestId = "disclosure-probe-" + UUID.randomUUID();
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<String> reply = http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/chat"))
						.header("Content-Type", "application/json")
						.header("X-Request-Id", requestId)
						.POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"YF-AX3000 保修多久？\"}"))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(reply.statusCode()).isEqualTo(200);
		}
		String caller = this.jdbc.sql("select caller_id from audit_log where request_id = ?")
			.param(requestId)
			.query(String.class)
			.single();
		assertThat(caller).matches("ip:[0-9a-f]{16}")
			.as("a plain SHA-256 of the address, reversible by enumeration")
			.isNotEqualTo("ip:" + sha256("127.0.0.1").substring(0, 16));
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
