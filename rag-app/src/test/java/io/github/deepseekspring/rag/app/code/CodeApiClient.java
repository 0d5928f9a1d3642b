package io.github.deepseekspring.rag.app.code;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP calls to the code API with an API key ({@value #API_KEY}, which the tests configure in
 * {@code deepseek.rag.api-keys}), and its server-sent events parsed, for the API tests.
 */
final class CodeApiClient {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** The key the code API tests configure. */
	static final String API_KEY = "code-api-test-key-not-secret";

	private final String base;

	CodeApiClient(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	HttpResponse<String> post(String path, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + API_KEY)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try (HttpClient http = HttpClient.newHttpClient()) {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
	}

	JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	/** The events of an SSE body, in order. */
	static List<Event> events(String body) {
		List<Event> events = new ArrayList<>();
		for (String block : body.split("\n\n")) {
			String name = "message";
			StringBuilder data = new StringBuilder();
			for (String line : block.split("\n")) {
				if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5));
				}
			}
			if (!data.isEmpty()) {
				events.add(new Event(name, JSON.readTree(data.toString())));
			}
		}
		return events;
	}

	record Event(String name, JsonNode data) {

	}

}
