package io.github.deepseekspring.local.transport;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.github.deepseekspring.local.LocalProtocolException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one mapper for both wire protocols: snake_case, nulls left out, unknown fields ignored (runtimes add fields),
 * absent numbers read as 0. What still cannot be read becomes a {@link LocalProtocolException} naming the field.
 */
public final class WireJson {

	public static final JsonMapper MAPPER = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.changeDefaultPropertyInclusion(include -> include.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private WireJson() {
	}

	/** Binds a parsed answer. */
	public static <T> T read(JsonNode json, Class<T> type) {
		try {
			return MAPPER.treeToValue(json, type);
		}
		catch (JacksonException ex) {
			throw protocolError(ex);
		}
	}

	/** Binds one line of a stream with a reader resolved once. */
	public static <T> T read(ObjectReader reader, String line) {
		try {
			return reader.readValue(line);
		}
		catch (JacksonException ex) {
			throw protocolError(ex);
		}
	}

	/** Parses a whole answer. */
	static JsonNode parse(String text) {
		try {
			return MAPPER.readTree(text);
		}
		catch (JacksonException ex) {
			throw protocolError(ex);
		}
	}

	/** The protocol error for a reading failure, naming where in the answer it happened. */
	public static LocalProtocolException protocolError(JacksonException error) {
		return new LocalProtocolException(path(error.getPath()), error.getOriginalMessage(), error);
	}

	private static String path(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "(the whole answer)" : path.toString();
	}

}
