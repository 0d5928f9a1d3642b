package io.github.deepseekspring.testkit.server;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the testkit and small helpers for reading loosely typed request bodies. */
public final class Json {

    /** Shared, immutable mapper. */
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    /** @return a new empty object node */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** @return a new empty array node */
    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /**
     * Serializes a node.
     *
     * @param node the node
     * @return compact JSON text
     */
    public static String write(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    /**
     * The text of a field that is a string, or {@code null}.
     *
     * @param node  an object node (or anything)
     * @param field field name
     * @return the string value or {@code null}
     */
    public static String string(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    /**
     * The text of a message {@code content}: a string, or the {@code text} parts of an array of content parts.
     *
     * @param content content node, may be {@code null}
     * @return the text, {@code ""} when none
     */
    public static String contentText(JsonNode content) {
        if (content == null || content.isNull() || content.isMissingNode()) {
            return "";
        }
        if (content.isString()) {
            return content.stringValue();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                String partText = string(part, "text");
                if (partText != null) {
                    text.append(partText);
                }
            }
            return text.toString();
        }
        return content.toString();
    }
}
