package io.github.deepseekspring.rag.app.chat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad and hostile input against the running app, beyond what the API tests cover: every case answers a client error
 * as RFC 9457 problem details (never a 5xx, never a stack trace), or, where the input is acceptable, keeps it inert
 * text inside JSON.
 */
@ChatAppTest
class HostileInputTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	DeepSeekSimulator deepseek;

	@Value("${local.server.port}")
	int port;

	ChatHttp http;

	private final HttpClient raw = HttpClient.newHttpClient();

	@BeforeEach
	void reset() {
		this.deepseek.reset();
		this.http = new ChatHttp(this.port);
	}

	@Test
	void invalidUtf8IsAMalformedRequest() throws Exception {
		byte[] prefix = "{\"message\": \"".getBytes(StandardCharsets.UTF_8);
		byte[] invalid = { (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80 };
		byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(prefix);
		body.write(invalid);
		body.write(suffix);
		assertProblem(postBytes("/api/chat", body.toByteArray(), null), 400);
		assertThat(this.deepseek.requests().count("/chat/completions")).isZero();
	}

	@Test
	void wrongJsonTypesAreMalformedRequests() {
		for (String body : new String[] { "[]", "\"just a string\"", "{\"message\": {\"text\": \"你好\"}}",
				"{\"message\": [\"你好\"]}", "{\"message\": \"你好\", \"conversationId\": {\"id\": 1}}", "null",
				"{\"message\": \"你好\"} trailing", "{\"message\": \"\\uD800\"}" }) {
			ChatHttp.Response response = this.http.post("/api/chat", body);
			assertThat(response.status()).as(body).isBetween(400, 499);
			ChatApiTests.assertProblem(response, response.status());
		}
		String conversationId = this.http.chat(null, "能开发票吗").body().path("conversationId").asString();
		ChatApiTests.assertProblem(this.http.post("/api/chat/" + conversationId + "/feedback",
				"{\"messageId\": 42, \"rating\": \"sideways\"}"), 400);
		ChatApiTests.assertProblem(this.http.post("/api/chat/" + conversationId + "/feedback", "{\"rating\": [1]}"),
				400);
		ChatApiTests.assertProblem(this.http.post("/api/chat/" + conversationId + "/handoff", "{\"contact\": {}}"),
				400);
	}

	@Test
	void controlCharactersNeverBreakTheApi() {
		String question = "能开发票吗\u0000\u0007\u001b[31m\u202e\u0085\r\n\t?";
		ChatHttp.Response response = this.http.chat(null, question);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		String conversationId = response.body().path("conversationId").asString();
		ChatHttp.Response history = this.http.get("/api/chat/" + conversationId);
		assertThat(history.status()).isEqualTo(200);
		assertThat(history.body().path("messages").get(0).path("content").asString())
			.as("control, escape and bidi override characters are dropped").isEqualTo("能开发票吗[31m\r\n\t?");
		ChatApiTests.assertProblem(this.http.chat(null, "\u0000\u0000 \u0007"), 400);
	}

	@Test
	void hugeBodiesAre413OrBeyondTheMessageLimit400() throws Exception {
		String conversationId = this.http.chat(null, "能开发票吗").body().path("conversationId").asString();
		byte[] huge = ("{\"message\": \"" + "很".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
		for (String path : new String[] { "/api/chat/" + conversationId + "/feedback",
				"/api/chat/" + conversationId + "/handoff" }) {
			assertProblem(postBytes(path, huge, null), 413);
		}
		// the paths that take photos allow three photos' worth of body (LimitFiltersTests): within it, the message's
		// own length limit answers
		for (String path : new String[] { "/api/chat", "/api/chat/stream" }) {
			HttpResponse<String> tooLong = postBytes(path, huge, null);
			assertProblem(tooLong, 400);
			assertThat(tooLong.body()).contains("characters");
		}
	}

	@Test
	void htmlAndScriptInQuestionsStayInertJsonText() {
		this.deepseek.onUserMessage("YF-AX3000", ScriptedReply.text("<img src=x onerror=alert(2)>主机保修两年 [1]。"));
		String question = "<script>alert('x')</script><img src=x onerror=alert(1)> YF-AX3000 保修多久？";
		ChatHttp.Response response = this.http.chat(null, question);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		String conversationId = response.body().path("conversationId").asString();
		ChatHttp.Response history = this.http.get("/api/chat/" + conversationId);
		assertThat(history.contentType()).startsWith("application/json");
		JsonNode messages = history.body().path("messages");
		assertThat(messages.get(0).path("content").asString()).as("stored and returned as the customer wrote it")
			.isEqualTo(question);
		assertThat(messages.get(1).path("content").asString()).as("model output is text too, rendered by the page")
			.contains("<img src=x onerror=alert(2)>");
	}

	@Test
	void pdfWithAHugePageCountIsRejectedNotParsed() throws Exception {
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		try (PDDocument document = new PDDocument()) {
			for (int i = 0; i < 2500; i++) {
				document.addPage(new PDPage());
			}
			document.save(pdf);
		}
		HttpResponse<String> response = upload("bomb.pdf", pdf.toByteArray(), "admin:test-admin-password");
		assertProblem(response, 422);
		assertThat(response.body()).contains("pages");
	}

	@Test
	void uploadNamesWithTraversalOrControlCharactersAreNeverPaths() throws Exception {
		for (String name : new String[] { "..\\..\\windows\\win.ini.txt", "/etc/cron.d/evil.md", "C:\\boot.md",
				"..%2F..%2Fsecret.txt" }) {
			HttpResponse<String> response = upload(name, "安全测试文档内容".getBytes(StandardCharsets.UTF_8),
					"admin:test-admin-password");
			assertThat(response.statusCode()).as(name).isEqualTo(201);
			JsonNode document = json.readTree(response.body());
			String documentId = document.path("documentId").asString();
			assertThat(documentId).startsWith("doc-");
			assertThat(response.body()).doesNotContain("../", "..\\\\", "/etc", ":\\\\");
			HttpResponse<String> deleted = this.raw.send(HttpRequest.newBuilder(uri("/api/kb/documents/" + documentId))
				.header("Authorization", basic("admin:test-admin-password"))
				.DELETE()
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(deleted.statusCode()).isBetween(200, 299);
		}
	}

	@Test
	void adminEndpointsRefuseMissingAndWrongCredentialsWithProblemDetails() throws Exception {
		String[][] endpoints = { { "GET", "/api/admin/audit.csv" }, { "POST", "/api/admin/erasure" },
				{ "DELETE", "/api/admin/conversations/abc" }, { "GET", "/api/kb/documents" },
				{ "GET", "/api/admin/backend" } };
		for (String credentials : new String[] { null, "admin:wrong-password", "nobody:test-admin-password",
				"admin:", "garbage-without-colon" }) {
			for (String[] endpoint : endpoints) {
				HttpRequest.Builder request = HttpRequest.newBuilder(uri(endpoint[1]))
					.header("Content-Type", "application/json")
					.method(endpoint[0], HttpRequest.BodyPublishers.ofString("{\"contact\":\"13812345678\"}"));
				if (credentials != null) {
					request.header("Authorization", basic(credentials));
				}
				HttpResponse<String> response = this.raw.send(request.build(), HttpResponse.BodyHandlers.ofString());
				// Without credentials a POST or DELETE meets the CSRF check first (403); with wrong ones, 401.
				int expected = (credentials == null && !endpoint[0].equals("GET")) ? 403 : 401;
				assertProblem(response, expected);
			}
		}
	}

	@Test
	void anotherCustomersConversationIsNotFoundForEveryOperation() {
		ChatHttp.Response own = this.http.chat(null, "能开发票吗");
		String conversationId = own.body().path("conversationId").asString();
		String messageId = own.body().path("messageId").asString();
		ChatHttp stranger = new ChatHttp(this.port);
		ChatApiTests.assertProblem(stranger.post("/api/chat/" + conversationId + "/feedback",
				ChatHttp.body(Map.of("messageId", messageId, "rating", "down"))), 404);
		ChatApiTests.assertProblem(stranger.post("/api/chat/" + conversationId + "/handoff", "{}"), 404);
		ChatApiTests.assertProblem(stranger.delete("/api/chat/" + conversationId), 404);
		ChatApiTests.assertProblem(stranger.post("/api/chat/stream",
				ChatHttp.body(Map.of("conversationId", conversationId, "message", "你好"))), 404);
		ChatApiTests.assertProblem(stranger.get("/api/chat/" + UUID.randomUUID()), 404);
		assertThat(this.http.get("/api/chat/" + conversationId).status()).as("still the owner's").isEqualTo(200);
	}

	private HttpResponse<String> postBytes(String path, byte[] body, String credentials)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (credentials != null) {
			request.header("Authorization", basic(credentials));
		}
		return this.raw.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> upload(String name, byte[] content, String credentials)
			throws IOException, InterruptedException {
		String boundary = "hostile" + UUID.randomUUID().toString().replace("-", "");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
				+ name.replace("\"", "") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return this.raw.send(HttpRequest.newBuilder(uri("/api/kb/documents"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Authorization", basic(credentials))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String basic(String credentials) {
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
	}

}
