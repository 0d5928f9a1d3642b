package io.github.deepseekspring.rag.app.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.deepseekspring.rag.app.chat.ChatHttpAccess;
import io.github.deepseekspring.rag.app.chat.ChatHttpAccess.StreamEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * An HTTP client of the support app as one party sees it: a customer (a browser's cookie jar, so it owns the
 * conversations it starts), a staff member (HTTP Basic) or an API client (Bearer key).
 */
public final class SupportHttp {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final String baseUrl;

	private final String authorization;

	private SupportHttp(int port, String authorization) {
		this.baseUrl = "http://127.0.0.1:" + port;
		this.authorization = authorization;
	}

	public static SupportHttp customer(int port) {
		return new SupportHttp(port, null);
	}

	public static SupportHttp staff(int port, String username, String password) {
		return new SupportHttp(port, "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	public static SupportHttp apiKey(int port, String key) {
		return new SupportHttp(port, "Bearer " + key);
	}

	public Reply get(String path, String... headers) {
		return send(request(path, headers).GET().build());
	}

	public Reply post(String path, Object body) {
		return postJson(path, (body != null) ? json.writeValueAsString(body) : null);
	}

	/** Posts text as it is, malformed JSON included; null posts no body. */
	public Reply postJson(String path, String body) {
		HttpRequest.Builder request = request(path);
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return send(request
			.POST((body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.build());
	}

	/** A customer's chat message, answered as JSON; returns the reply. */
	public Reply chat(String conversationId, String message) {
		return post("/api/chat", (conversationId != null)
				? Map.of("conversationId", conversationId, "message", message) : Map.of("message", message));
	}

	/** Opens an event stream; its events are read in the background. */
	public Events events(String path) {
		try {
			HttpResponse<InputStream> response = this.client.send(request(path).header("Accept", "text/event-stream")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofInputStream());
			return new Events(response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30));
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return request;
	}

	private Reply send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			String type = response.headers().firstValue("Content-Type").orElse("");
			JsonNode body = (type.contains("json") && !response.body().isEmpty()) ? json.readTree(response.body())
					: null;
			return new Reply(response.statusCode(), response.headers(), body, response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An HTTP response.
	 *
	 * @param status its status
	 * @param headers its headers
	 * @param body its JSON body, or null
	 * @param text its body as text
	 */
	public record Reply(int status, HttpHeaders headers, JsonNode body, String text) {

		/** Asserts an RFC 9457 problem of this status, without a stack trace. */
		public Reply assertProblem(int expected) {
			assertThat(this.status).as(this.text).isEqualTo(expected);
			assertThat(this.headers.firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
			assertThat(this.body.path("status").asInt()).isEqualTo(expected);
			assertThat(this.body.path("title").asString()).isNotBlank();
			assertThat(this.text).doesNotContain("Exception").doesNotContain("at io.");
			return this;
		}

		public Reply assertStatus(int expected) {
			assertThat(this.status).as(this.text).isEqualTo(expected);
			return this;
		}

	}

	/** An open event stream, read on a thread of its own into a queue. */
	public static final class Events implements AutoCloseable {

		private static final StreamEvent END = new StreamEvent("", null);

		private final HttpResponse<InputStream> response;

		private final BlockingQueue<StreamEvent> events = new LinkedBlockingQueue<>();

		Events(HttpResponse<InputStream> response) {
			this.response = response;
			Thread.ofVirtual().start(this::read);
		}

		public int status() {
			return this.response.statusCode();
		}

		private void read() {
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(this.response.body(), StandardCharsets.UTF_8))) {
				for (StreamEvent event; (event = ChatHttpAccess.nextEvent(reader)) != null;) {
					this.events.add(event);
				}
			}
			catch (IOException ex) {
				// closed by the test, or by the server: the stream ends
			}
			this.events.add(END);
		}

		/** The next event, which must be named so, within 20 s. */
		public StreamEvent next(String name) {
			StreamEvent event = poll(Duration.ofSeconds(20));
			if (event == null || event == END) {
				fail("Expected event '" + name + "' but the stream " + ((event == null) ? "stayed silent" : "ended"));
			}
			assertThat(event.name()).as("event after the earlier ones, data %s", event.data()).isEqualTo(name);
			return event;
		}

		/** Waits up to 20 s for the server to end the stream, failing on any further event. */
		public void assertEnds() {
			StreamEvent event = poll(Duration.ofSeconds(20));
			assertThat(event).as("the end of the stream, not %s", event).isSameAs(END);
		}

		private StreamEvent poll(Duration timeout) {
			try {
				return this.events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void close() throws IOException {
			this.response.body().close();
		}

	}

}
