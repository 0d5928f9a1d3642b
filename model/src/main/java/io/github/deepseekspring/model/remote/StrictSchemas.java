package io.github.deepseekspring.model.remote;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Closes a tool's JSON schema as DeepSeek's strict mode requires: every object lists all its properties as required
 * and allows no others. An optional parameter thereby becomes one the model must give (it may still give
 * {@code null} where the schema allows it); that is the price of arguments that always match.
 */
final class StrictSchemas {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private StrictSchemas() {
	}

	/** The closed schema, as JSON text. */
	static String close(String schema) {
		JsonNode root = MAPPER.readTree(schema);
		close(root);
		return MAPPER.writeValueAsString(root);
	}

	private static void close(JsonNode node) {
		if (node instanceof ObjectNode object) {
			JsonNode properties = object.get("properties");
			if (properties instanceof ObjectNode props) {
				List<String> names = new ArrayList<>(props.propertyNames());
				ArrayNode required = object.putArray("required");
				names.forEach(required::add);
				object.put("additionalProperties", false);
			}
			object.forEach(StrictSchemas::close);
		}
		else if (node instanceof ArrayNode array) {
			array.forEach(StrictSchemas::close);
		}
	}

}
