package io.github.deepseekspring.rag.app.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.github.deepseekspring.rag.app.photo.ImageMetadataTests;
import io.github.deepseekspring.testkit.RecordedRequest;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.TestImages;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Photo questions through the chat API on the DeepSeek simulator: the photos reach the model as image parts without
 * their EXIF, are stored with the conversation (shown to their owner, erased with it) and reach the audit log as
 * digests only; bad photos are refused with problem details naming the limit and nothing stored; without a model
 * that can see them the answer says so and offers a human agent.
 */
@ChatAppTest
class PhotoQuestionTests {

	private static final String QUESTION = "What does this error on my YF-AX3000 mean?";

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

	@AfterEach
	void seeingModel() {
		this.deepseek.withVisionModels("deepseek-flash");
	}

	static String dataUrl(byte[] image, String declared) {
		return "data:" + declared + ";base64," + Base64.getEncoder().encodeToString(image);
	}

	private ChatHttp.Response ask(List<String> images) {
		return this.http.post("/api/chat", ChatHttp.body(Map.of("message", QUESTION, "images", images)));
	}

	@Test
	void aPhotoReachesTheModelWithoutItsLocationAndStaysWithTheConversation() throws Exception {
		this.deepseek.onUserMessage("What does this error", ScriptedReply.text("The photo shows the mesh error [1]."));
		byte[] photo = ImageMetadataTests.jpegWithExif(6);
		ChatHttp.Response reply = ask(List.of(dataUrl(photo, "image/jpeg")));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().path("mode").asString()).isEqualTo("llm");

		JsonNode request = this.deepseek.requests().last().json();
		JsonNode last = request.path("messages").get(request.path("messages").size() - 1);
		JsonNode image = null;
		for (JsonNode part : last.path("content")) {
			if ("image_url".equals(part.path("type").asString())) {
				image = part;
			}
		}
		assertThat(image).as("an image part in %s", last).isNotNull();
		byte[] sent = Base64.getDecoder().decode(image.path("image_url").path("url").asString().split(",", 2)[1]);
		assertThat(new String(sent, StandardCharsets.ISO_8859_1)).doesNotContain("GPS 30.2741N").doesNotContain("Hangzhou");
		assertThat(ImageMetadataTests.orientationOf(sent)).isEqualTo(6);

		String conversationId = reply.body().path("conversationId").asString();
		JsonNode question = this.http.get("/api/chat/" + conversationId).body().path("messages").get(0);
		String path = question.path("photos").get(0).asString();
		assertThat(path).startsWith("/api/chat/" + conversationId + "/photos/");
		HttpResponse<byte[]> served = getBytes(path, this.http);
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(served.body()).isEqualTo(sent);
		// another customer does not see it
		assertThat(new ChatHttp(this.port).get(path).status()).isEqualTo(404);
		// the administrator does (tickets)
		HttpResponse<byte[]> admin = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port
					+ path.replace("/api/chat/", "/api/admin/conversations/")))
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(admin.statusCode()).isEqualTo(200);
		assertThat(admin.body()).isEqualTo(sent);

		String digest = sha256(sent);
		String audited = this.jdbc.sql("select image_sha256 from audit_log where conversation_id = ?")
			.param(conversationId)
			.query(String.class)
			.single();
		assertThat(audited).isEqualTo(digest);

		assertThat(this.http.delete("/api/chat/" + conversationId).status()).isEqualTo(204);
		assertThat(photoRows(conversationId)).isZero();
		assertThat(this.http.get(path).status()).isEqualTo(404);
	}

	@Test
	void theModelsDescriptionOfThePhotoFindsWhatTheQuestionsTextDoesNotName() {
		this.deepseek.onUserMessage("(photo)",
				ScriptedReply.text("A router admin page in a browser showing error E-1023: PPPoE authentication failed."));
		ChatHttp.Response reply = this.http.post("/api/chat", ChatHttp.body(
				Map.of("message", "What does this mean?", "images", List.of(dataUrl(TestImages.png(), "image/png")))));
		assertThat(reply.status()).isEqualTo(200);

		List<RecordedRequest> calls = this.deepseek.requests().all();
		RecordedRequest describing = calls.stream()
			.filter((call) -> call.body().contains("You help the search engine"))
			.findFirst()
			.orElseThrow();
		assertThat(describing.json().path("thinking").path("type").asString()).isEqualTo("disabled");
		assertThat(describing.body()).contains("image_url");
		// the answer's passages came from the description: the question itself names no error code
		String answered = calls.get(calls.size() - 1).body();
		assertThat(answered).contains("What does this mean?").contains("PPPoE");
	}

	@Test
	void aFollowUpShowsTheModelTheEarlierPhotoAgain() {
		ChatHttp.Response first = ask(List.of(dataUrl(TestImages.png(), "image/png")));
		String conversationId = first.body().path("conversationId").asString();
		this.http.chat(conversationId, "And what should I do about it on the YF-AX3000?");
		String body = this.deepseek.requests().last().body();
		assertThat(body).contains("image_url");
	}

	@Test
	void badPhotosAreRefusedWithTheLimitAndNothingIsStored() {
		long before = conversations();
		ChatHttp.Response text = ask(List.of(dataUrl("just some text".getBytes(StandardCharsets.UTF_8), "image/png")));
		assertThat(text.status()).isEqualTo(415);
		assertThat(text.contentType()).contains("application/problem+json");
		assertThat(text.body().path("detail").asString()).contains("JPEG, PNG, GIF or WebP");

		String png = dataUrl(TestImages.png(), "image/png");
		ChatHttp.Response many = ask(List.of(png, png, png, png));
		assertThat(many.status()).isEqualTo(400);
		assertThat(many.body().path("detail").asString()).contains("At most 3").contains("max-count");

		ChatHttp.Response malformed = ask(List.of("data:image/png;base64,@@@not base64@@@"));
		assertThat(malformed.status()).isEqualTo(400);
		ChatHttp.Response notADataUrl = ask(List.of("https://example.com/router.jpg"));
		assertThat(notADataUrl.status()).isEqualTo(400);

		byte[] big = new byte[5 * 1024 * 1024 + 10];
		System.arraycopy(TestImages.png(), 0, big, 0, TestImages.png().length);
		ChatHttp.Response large = ask(List.of(dataUrl(big, "image/png")));
		assertThat(large.status()).isEqualTo(413);
		assertThat(large.body().path("detail").asString()).contains("max-size");

		assertThat(conversations()).isEqualTo(before);
		assertThat(this.deepseek.requests().count()).isZero();
	}

	@Test
	void withoutAModelThatSeesImagesTheAnswerSaysSoAndOffersAHuman() {
		this.deepseek.withVisionModels();
		ChatHttp.Response reply = ask(List.of(dataUrl(TestImages.png(), "image/png")));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().path("mode").asString()).isEqualTo("not-covered");
		assertThat(reply.body().path("answer").asString()).contains("photos cannot be read right now")
			.contains("human agent");

		List<ChatHttp.Event> events = this.http.stream(ChatHttp.body(Map.of("message", QUESTION, "images",
				List.of(dataUrl(TestImages.gif(), "image/gif")))));
		assertThat(ChatHttp.joined(events, "token")).contains("photos cannot be read right now");
		assertThat(ChatHttp.event(events, "done").path("mode").asString()).isEqualTo("not-covered");
	}

	@Test
	void aStreamedPhotoQuestionIsAnsweredAndStored() {
		this.deepseek.onUserMessage("What does this error", ScriptedReply.text("It is the mesh pairing error [1]."));
		List<ChatHttp.Event> events = this.http.stream(ChatHttp.body(Map.of("message", QUESTION, "images",
				List.of(dataUrl(TestImages.webp(), "image/webp")))));
		assertThat(ChatHttp.event(events, "done").path("mode").asString()).isEqualTo("llm");
		String conversationId = ChatHttp.event(events, "meta").path("conversationId").asString();
		assertThat(photoRows(conversationId)).isEqualTo(1);
	}

	private long photoRows(String conversationId) {
		return this.jdbc.sql("select count(*) from chat_photo where conversation_id = ?")
			.param(conversationId)
			.query(Long.class)
			.single();
	}

	private long conversations() {
		return this.jdbc.sql("select count(*) from conversation").query(Long.class).single();
	}

	private HttpResponse<byte[]> getBytes(String path, ChatHttp owner) throws Exception {
		return owner.getBytes(path);
	}

	private static String sha256(byte[] bytes) throws Exception {
		return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
