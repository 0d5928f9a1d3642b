package io.github.deepseekspring.rag.app.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A browser-like client of the chat API: keeps its cookies, so it owns the conversations it starts. */
final class ChatHttp {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final String baseUrl;

	ChatHttp(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	static String body(Object value) {
		return json.writeValueAsString(value);
	}

	Response post(String path, String body) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	Response chat(String conversationId, String message) {
		return post("/api/chat", body((conversationId != null) ? Map.of("conversationId", conversationId, "message", message)
				: Map.of("message", message)));
	}

	Response delete(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).DELETE().build());
	}

	/** A request as the administrator (HTTP Basic). */
	Response admin(String method, String path) {
		String credentials = java.util.Base64.getEncoder()
			.encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Authorization", "Basic " + credentials)
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build());
	}

	/** A GET whose body is bytes (a photo), with this client's cookies. */
	HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET().build());
	}

	/** Posts to the stream endpoint and reads events until the stream ends. */
	List<Event> stream(String body) {
		try {
			HttpResponse<java.io.InputStream> response = this.client.send(
					HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/chat/stream"))
						.header("Content-Type", "application/json")
						.header("Accept", "text/event-stream")
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build(),
					HttpResponse.BodyHandlers.ofInputStream());
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
				return events(reader, Integer.MAX_VALUE);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Opens a stream and returns the raw response, for tests that hang up early. */
	HttpResponse<java.io.InputStream> openStream(String body) throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/chat/stream"))
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofInputStream());
	}

	static List<Event> events(BufferedReader reader, int max) throws IOException {
		List<Event> events = new ArrayList<>();
		String name = null;
		StringBuilder data = new StringBuilder();
		String line;
		while (events.size() < max && (line = reader.readLine()) != null) {
			if (line.isEmpty()) {
				if (data.length() > 0) {
					events.add(new Event((name != null) ? name : "message", json.readTree(data.toString())));
				}
				name = null;
				data.setLength(0);
			}
			else if (line.startsWith("event:")) {
				name = line.substring(6).strip();
			}
			else if (line.startsWith("data:")) {
				data.append(line.substring(5).strip());
			}
		}
		return events;
	}

	/**
	 * The whole HTTP response, headers and text included, for tests that look past the status and the JSON body;
	 * {@code jsonBody} may be null (no body).
	 */
	HttpResponse<String> exchange(String method, String path, String jsonBody) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path));
		if (jsonBody != null) {
			request.header("Content-Type", "application/json");
		}
		return sendForText(request
			.method(method, (jsonBody != null) ? HttpRequest.BodyPublishers.ofString(jsonBody)
					: HttpRequest.BodyPublishers.noBody())
			.build());
	}

	private Response send(HttpRequest request) {
		HttpResponse<String> response = sendForText(request);
		String contentType = response.headers().firstValue("Content-Type").orElse("");
		JsonNode body = response.body().isEmpty() ? null : json.readTree(response.body());
		return new Response(response.statusCode(), contentType, body);
	}

	private HttpResponse<String> sendForText(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The texts of the events of one name, joined. */
	static String joined(List<Event> events, String name) {
		return events.stream()
			.filter((event) -> event.name().equals(name))
			.map((event) -> event.data().path("text").asString())
			.collect(java.util.stream.Collectors.joining());
	}

	/** The data of the first event of the name. */
	static JsonNode event(List<Event> events, String name) {
		return events.stream().filter((event) -> event.name().equals(name)).findFirst().orElseThrow().data();
	}

	record Response(int status, String contentType, JsonNode body) {

	}

	record Event(String name, JsonNode data) {

	}

}
