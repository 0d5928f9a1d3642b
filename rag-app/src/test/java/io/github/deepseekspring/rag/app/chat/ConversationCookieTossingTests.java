package io.github.deepseekspring.rag.app.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack: cookie tossing. A sibling subdomain (or a script there) sets the victim's conversation cookie to a
 * value the attacker picked; the victim then chats under it and the attacker reads the conversation. The app only
 * accepts cookie values it signed itself, and over HTTPS (also behind a TLS proxy) it uses a {@code __Host-} cookie,
 * which no other host can set.
 */
@ChatAppTest
class ConversationCookieTossingTests {

	private static final String CHOSEN = "attacker-chosen-value-0123456789abcdefghijklmnop";

	@Autowired
	DeepSeekSimulator deepseek;

	@Value("${local.server.port}")
	int port;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void reset() {
		this.deepseek.reset();
		this.deepseek.onUserMessage("YF-AX3000 保修多久", ScriptedReply.text("主机保修两年 [1]。"));
	}

	@Test
	void aValueTheClientPickedDoesNotOwnTheConversation() throws Exception {
		HttpResponse<String> victim = chat("DSRAG_CHAT=" + CHOSEN, false);
		assertThat(victim.statusCode()).isEqualTo(200);
		String issued = setCookie(victim, "DSRAG_CHAT").orElseThrow(() -> new AssertionError("no cookie issued"));
		assertThat(issued).isNotEqualTo(CHOSEN);
		String conversation = JSON.readTree(victim.body()).path("conversationId").asString();

		assertThat(read(conversation, "DSRAG_CHAT=" + CHOSEN, false).statusCode()).as("the attacker").isEqualTo(404);
		assertThat(read(conversation, "DSRAG_CHAT=" + issued, false).statusCode()).as("the victim").isEqualTo(200);
	}

	@Test
	void aTamperedSignatureIsRefused() throws Exception {
		HttpResponse<String> first = chat(null, false);
		String issued = setCookie(first, "DSRAG_CHAT").orElseThrow();
		String conversation = JSON.readTree(first.body()).path("conversationId").asString();
		char last = issued.charAt(issued.length() - 1);
		String tampered = issued.substring(0, issued.length() - 1) + ((last == 'A') ? 'B' : 'A');
		assertThat(read(conversation, "DSRAG_CHAT=" + tampered, false).statusCode()).isEqualTo(404);
	}

	@Test
	void behindATlsProxyTheCookieIsAHostOnlySecureCookie() throws Exception {
		HttpResponse<String> first = chat(null, true);
		String header = first.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.contains("DSRAG_CHAT="))
			.findFirst()
			.orElseThrow();
		assertThat(header).startsWith("__Host-DSRAG_CHAT=").contains("Secure").contains("HttpOnly").contains("Path=/")
			.doesNotContain("Domain=");
		String issued = setCookie(first, "__Host-DSRAG_CHAT").orElseThrow();
		String conversation = JSON.readTree(first.body()).path("conversationId").asString();
		assertThat(read(conversation, "__Host-DSRAG_CHAT=" + issued, true).statusCode()).isEqualTo(200);
		// The same value under the plain name, as a sibling host could toss it, owns nothing over HTTPS.
		assertThat(read(conversation, "DSRAG_CHAT=" + issued, true).statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> chat(String cookie, boolean https) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/chat"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"YF-AX3000 保修多久？\"}"));
		return this.http.send(headers(request, cookie, https).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> read(String conversationId, String cookie, boolean https) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/chat/" + conversationId));
		return this.http.send(headers(request, cookie, https).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest.Builder headers(HttpRequest.Builder request, String cookie, boolean https) {
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		if (https) {
			// As a TLS-terminating proxy in front of the app says (server.forward-headers-strategy=native).
			request.header("X-Forwarded-Proto", "https");
		}
		return request;
	}

	private static Optional<String> setCookie(HttpResponse<?> response, String name) {
		List<String> cookies = response.headers().allValues("Set-Cookie");
		return cookies.stream()
			.filter((c) -> c.startsWith(name + "="))
			.map((c) -> c.substring(name.length() + 1, c.indexOf(';') > 0 ? c.indexOf(';') : c.length()))
			.findFirst();
	}

}
