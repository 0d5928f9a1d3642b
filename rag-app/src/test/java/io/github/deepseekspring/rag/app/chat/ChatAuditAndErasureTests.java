package io.github.deepseekspring.rag.app.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log of model calls and the right to erasure, through the chat API on the DeepSeek simulator (in the
 * chat tests' package and context, reusing their client).
 */
@ChatAppTest
class ChatAuditAndErasureTests {

	@Autowired
	DeepSeekSimulator deepseek;

	@Autowired
	JdbcClient jdbc;

	@Value("${local.server.port}")
	int port;

	ChatHttp http;

	@BeforeEach
	void reset() {
		this.deepseek.reset();
		this.http = new ChatHttp(this.port);
	}

	@Test
	void everyModelCallAppendsAnAuditRowWithDigestsOnly() throws Exception {
		String answer = "主机保修两年 [1]。";
		this.deepseek.onUserMessage("YF-AX3000 保修几年", ScriptedReply.text(answer));
		ChatHttp.Response reply = this.http.chat(null, "YF-AX3000 保修几年？我的手机13812345678");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().path("mode").asString()).isEqualTo("llm");
		String conversationId = reply.body().path("conversationId").asString();
		// deepseek.privacy.mode=mask: the DeepSeek API sees the number masked, the history keeps what was written
		assertThat(this.deepseek.requests().last().body()).doesNotContain("13812345678").contains("1381***5678");
		assertThat(this.http.get("/api/chat/" + conversationId).body().toString()).contains("13812345678");

		Map<String, Object> row = auditRow(conversationId, "call");
		assertThat(row.get("outcome")).isEqualTo("ok");
		assertThat(row.get("backend")).isEqualTo("remote");
		// the first message comes before the chat cookie: the caller is a digest of the address
		assertThat((String) row.get("caller_id")).matches("(chat|ip):[0-9a-f]{16}");
		assertThat((String) row.get("request_id")).isNotBlank();
		assertThat(((Number) row.get("prompt_tokens")).intValue()).isPositive();
		assertThat(row.get("output_sha256")).isEqualTo(sha256(answer));
		assertThat((String) row.get("input_sha256")).hasSize(64);
		assertThat(row.values()).noneMatch((v) -> v != null && v.toString().contains("13812345678"));

		this.http.chat(conversationId, "YF-AX3000 保修几年？");
		assertThat((String) auditRow(conversationId, "call").get("caller_id")).matches("chat:[0-9a-f]{16}");

		String csv = admin("/api/admin/audit.csv").body();
		assertThat(csv).contains(AuditCsv.HEADER).contains(conversationId).contains(sha256(answer))
			.doesNotContain("13812345678");
	}

	@Test
	void streamedCallsAreAuditedWithTheWholeOutput() throws Exception {
		this.deepseek.onUserMessage("YF-AX3000 保修几年", ScriptedReply.text("主机保修两年 [1]。"));
		List<ChatHttp.Event> events = this.http.stream(ChatHttp.body(Map.of("message", "YF-AX3000 保修几年？")));
		org.junit.jupiter.api.Assumptions.assumeFalse(events.isEmpty(), "the stream endpoint is not there yet");
		String conversationId = events.get(0).data().path("conversationId").asString();
		Map<String, Object> row = auditRow(conversationId, "stream");
		assertThat(row.get("outcome")).isEqualTo("ok");
		assertThat(row.get("output_sha256")).isEqualTo(sha256("主机保修两年 [1]。"));
	}

	@Test
	void customerErasesOwnConversationOthersCannot() {
		this.deepseek.onUserMessage("YF-AX3000 保修几年", ScriptedReply.text("主机保修两年 [1]。"));
		String conversationId = this.http.chat(null, "YF-AX3000 保修几年？").body().path("conversationId").asString();
		int audited = count("select count(*) from audit_log where conversation_id = ?", conversationId);

		ChatHttp stranger = new ChatHttp(this.port);
		assertThat(stranger.delete("/api/chat/" + conversationId).status()).isEqualTo(404);
		assertThat(this.http.get("/api/chat/" + conversationId).status()).isEqualTo(200);

		ChatHttp.Response deleted = this.http.delete("/api/chat/" + conversationId);
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(this.http.get("/api/chat/" + conversationId).status()).isEqualTo(404);
		assertThat(count("select count(*) from message where conversation_id = ?", conversationId)).isZero();
		assertThat(this.http.delete("/api/chat/" + conversationId).status()).isEqualTo(404);
		// the audit keeps its rows: digests only
		assertThat(count("select count(*) from audit_log where conversation_id = ?", conversationId))
			.isEqualTo(audited);
	}

	@Test
	void adminErasesEverythingTiedToAContact() throws Exception {
		this.deepseek.onUserMessage("YF-AX3000 保修几年", ScriptedReply.text("主机保修两年 [1]。"));
		String contact = "13987654321";
		String mine = this.http.chat(null, "YF-AX3000 保修几年？请打 " + contact).body().path("conversationId").asString();
		String other = new ChatHttp(this.port).chat(null, "YF-AX3000 保修几年？").body().path("conversationId").asString();
		this.jdbc.sql("insert into ticket (id, conversation_id, reason, contact, status, created_at) "
				+ "values ('t-erasure', ?, 'call me', ?, 'open', current_timestamp)").params(other, contact).update();

		HttpResponse<String> response = adminPost("/api/admin/erasure", "{\"contact\":\"" + contact + "\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"conversations\":2");
		assertThat(count("select count(*) from conversation where id in (?, ?)", mine, other)).isZero();
		assertThat(count("select count(*) from ticket where contact = ?", contact)).isZero();

		assertThat(adminPost("/api/admin/erasure", "{\"contact\":\"\"}").statusCode()).isEqualTo(400);
		assertThat(adminPost("/api/admin/erasure", "not json").statusCode()).isEqualTo(400);
		assertThat(send(HttpRequest.newBuilder(uri("/api/admin/erasure"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"contact\":\"" + contact + "\"}"))
			.build()).statusCode()).isIn(401, 403);
	}

	@Test
	void auditExportNeedsAdminAndAValidRange() throws Exception {
		assertThat(send(HttpRequest.newBuilder(uri("/api/admin/audit.csv")).GET().build()).statusCode())
			.isIn(401, 403);
		HttpResponse<String> bad = admin("/api/admin/audit.csv?from=yesterday");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).doesNotContain("Exception");
		assertThat(admin("/api/admin/audit.csv?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z").statusCode())
			.isEqualTo(400);
		HttpResponse<String> empty = admin("/api/admin/audit.csv?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z");
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(empty.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(empty.body().strip()).isEqualTo("\uFEFF" + AuditCsv.HEADER);
	}

	@Test
	void purgeDeletesRowsPastTheRetentionOnly() {
		String old = "purge-old-" + System.nanoTime();
		String recent = "purge-new-" + System.nanoTime();
		String insert = "insert into audit_log (occurred_at, request_id, operation, input_sha256, outcome, duration_ms) "
				+ "values (?, ?, 'call', 'x', 'ok', 1)";
		this.jdbc.sql(insert)
			.params(java.time.OffsetDateTime.now().minusDays(181), old)
			.update();
		this.jdbc.sql(insert).params(java.time.OffsetDateTime.now().minusDays(179), recent).update();
		assertThat(this.purge.purge()).isPositive();
		assertThat(count("select count(*) from audit_log where request_id = ?", old)).isZero();
		assertThat(count("select count(*) from audit_log where request_id = ?", recent)).isOne();
	}

	@Autowired
	io.github.deepseekspring.rag.app.audit.AuditPurge purge;

	private Map<String, Object> auditRow(String conversationId, String operation) {
		return this.jdbc.sql("select * from audit_log where conversation_id = ? and operation = ? order by id desc")
			.params(conversationId, operation)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.map((row) -> {
				Map<String, Object> lower = new java.util.HashMap<>();
				row.forEach((k, v) -> lower.put(k.toLowerCase(), v));
				return lower;
			})
			.orElseThrow(() -> new AssertionError("no audit row for " + conversationId));
	}

	private int count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Integer.class).single();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> admin(String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic()).GET().build());
	}

	private HttpResponse<String> adminPost(String path, String body) throws Exception {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", basic())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private static HttpResponse<String> send(HttpRequest request) throws Exception {
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String basic() {
		return "Basic " + Base64.getEncoder()
			.encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8));
	}

	static String sha256(String text) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** The CSV header, as the export writes it. */
	static final class AuditCsv {

		static final String HEADER = "occurred_at,request_id,caller_id,conversation_id,operation,backend,model,"
				+ "prompt_tokens,completion_tokens,cache_hit_tokens,cost_cny,input_sha256,output_sha256,outcome,"
				+ "duration_ms,image_sha256";

	}

}
