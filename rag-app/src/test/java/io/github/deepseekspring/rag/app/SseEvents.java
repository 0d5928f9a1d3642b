package io.github.deepseekspring.rag.app;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON data of the server-sent events of one name in a whole stream read as text. */
public final class SseEvents {

	private static final JsonMapper json = JsonMapper.builder().build();

	private SseEvents() {
	}

	public static List<JsonNode> named(String body, String name) {
		List<JsonNode> events = new ArrayList<>();
		for (String block : body.split("\n\n")) {
			String event = null;
			StringBuilder data = new StringBuilder();
			for (String line : block.split("\n")) {
				if (line.startsWith("event:")) {
					event = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5));
				}
			}
			if (name.equals(event)) {
				events.add(json.readTree(data.toString()));
			}
		}
		return events;
	}

}
