package io.github.deepseekspring.rag.app.chat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages, scripts and JSON go compressed to a client that takes gzip, and stay readable; the chat's event stream does
 * not, so each event reaches the browser as it is written.
 */
@ChatAppTest
class CompressionTests {

	@Value("${local.server.port}")
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theChatPageItsScriptsAndJsonListingsAreCompressed() throws Exception {
		for (String path : new String[] { "/", "/js/chat.js", "/css/app.css" }) {
			HttpResponse<byte[]> plain = get(path, "identity", false);
			HttpResponse<byte[]> compressed = get(path, "gzip", false);
			assertThat(compressed.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
			assertThat(compressed.body().length).as(path).isLessThan(plain.body().length / 2);
			assertThat(withoutCsrfToken(gunzip(compressed.body()))).as(path)
				.isEqualTo(withoutCsrfToken(new String(plain.body(), StandardCharsets.UTF_8)));
		}
		HttpResponse<byte[]> listing = get("/api/kb/documents", "gzip", true);
		assertThat(listing.statusCode()).isEqualTo(200);
		assertThat(listing.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(gunzip(listing.body())).startsWith("[").contains("documentId");
	}

	@Test
	void theChatStreamIsNotCompressed() throws Exception {
		HttpResponse<String> stream = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/chat/stream"))
					.header("Content-Type", "application/json")
					.header("Accept", "text/event-stream")
					.header("Accept-Encoding", "gzip")
					.POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"学生有优惠吗\"}"))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(stream.statusCode()).isEqualTo(200);
		assertThat(stream.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(stream.body()).contains("event:meta").contains("event:done");
	}

	private HttpResponse<byte[]> get(String path, String encoding, boolean admin) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept-Encoding", encoding);
		if (admin) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** Each page carries a fresh CSRF token. */
	private static String withoutCsrfToken(String page) {
		return page.replaceAll("name=\"_csrf\" content=\"[^\"]*\"", "name=\"_csrf\"");
	}

	private static String gunzip(byte[] body) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
