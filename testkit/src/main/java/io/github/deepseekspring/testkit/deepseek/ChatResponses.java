package io.github.deepseekspring.testkit.deepseek;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.github.deepseekspring.testkit.ToolCallSpec;
import io.github.deepseekspring.testkit.server.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds the JSON of one chat completion: the whole object, or its stream chunks. */
final class ChatResponses {

    static final String FINGERPRINT = "fp_simulator";

    private final String id = UUID.randomUUID().toString();
    private final long created = Instant.now().getEpochSecond();
    private final String model;
    private final boolean thinking;
    private final boolean includeUsage;
    private final UsageStyle usageStyle;
    private final Integer topLogprobs;
    private int contentTokens;

    ChatResponses(ChatRequest request, UsageStyle usageStyle) {
        this.topLogprobs = request.topLogprobs();
        this.model = request.model();
        this.thinking = request.thinking();
        this.includeUsage = request.includeUsage();
        this.usageStyle = usageStyle;
    }

    ObjectNode completion(ChatAnswer answer) {
        ObjectNode root = envelope("chat.completion");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", String.join("", answer.content()));
        if (thinking) {
            message.put("reasoning_content", String.join("", answer.reasoning()));
        }
        if (!answer.toolCalls().isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            for (int i = 0; i < answer.toolCalls().size(); i++) {
                ToolCallSpec call = answer.toolCalls().get(i);
                ObjectNode node = calls.addObject();
                node.put("index", i);
                node.put("id", toolCallId(i));
                node.put("type", "function");
                node.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
            }
        }
        if (topLogprobs == null) {
            choice.putNull("logprobs");
        } else {
            choice.set("logprobs", TokenLogprobs.of(answer.content(), 0, topLogprobs));
        }
        choice.put("finish_reason", answer.finishReason());
        root.set("usage", answer.usage().toJson(usageStyle));
        return root;
    }

    ObjectNode roleChunk() {
        ObjectNode delta = Json.object().put("role", "assistant");
        if (thinking) {
            delta.putNull("content");
            delta.put("reasoning_content", "");
        } else {
            delta.put("content", "");
        }
        return chunk(delta, null);
    }

    ObjectNode reasoningChunk(String piece) {
        return chunk(Json.object().putNull("content").put("reasoning_content", piece), null);
    }

    ObjectNode contentChunk(String piece) {
        ObjectNode delta = Json.object().put("content", piece);
        if (thinking) {
            delta.putNull("reasoning_content");
        }
        ObjectNode chunk = chunk(delta, null);
        if (topLogprobs != null) {
            ((ObjectNode) chunk.get("choices").get(0))
                    .set("logprobs", TokenLogprobs.of(List.of(piece), contentTokens, topLogprobs));
        }
        contentTokens++;
        return chunk;
    }

    ObjectNode toolCallStartChunk(int index, ToolCallSpec call) {
        ObjectNode toolCall = Json.object().put("index", index).put("id", toolCallId(index)).put("type", "function");
        toolCall.putObject("function").put("name", call.name()).put("arguments", "");
        return toolCallChunk(toolCall);
    }

    ObjectNode toolCallArgumentsChunk(int index, String piece) {
        ObjectNode toolCall = Json.object().put("index", index);
        toolCall.putObject("function").put("arguments", piece);
        return toolCallChunk(toolCall);
    }

    /** Without {@code include_usage}, DeepSeek puts the usage on the finishing chunk. */
    ObjectNode finishChunk(ChatAnswer answer) {
        ObjectNode delta = Json.object().put("content", "");
        if (thinking) {
            delta.putNull("reasoning_content");
        }
        ObjectNode chunk = chunk(delta, answer.finishReason());
        if (!includeUsage) {
            chunk.set("usage", answer.usage().toJson(usageStyle));
        }
        return chunk;
    }

    /** With {@code include_usage}: one more chunk with no choices and the usage. */
    ObjectNode usageChunk(ChatAnswer answer) {
        ObjectNode root = envelope("chat.completion.chunk");
        root.putArray("choices");
        root.set("usage", answer.usage().toJson(usageStyle));
        return root;
    }

    boolean includeUsage() {
        return includeUsage;
    }

    private ObjectNode toolCallChunk(ObjectNode toolCall) {
        ObjectNode delta = Json.object();
        delta.putArray("tool_calls").add(toolCall);
        return chunk(delta, null);
    }

    private ObjectNode chunk(ObjectNode delta, String finishReason) {
        ObjectNode root = envelope("chat.completion.chunk");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        if (includeUsage) {
            root.putNull("usage");
        }
        return root;
    }

    private ObjectNode envelope(String object) {
        ObjectNode root = Json.object();
        root.put("id", id);
        root.put("object", object);
        root.put("created", created);
        root.put("model", model);
        root.put("system_fingerprint", FINGERPRINT);
        return root;
    }

    private String toolCallId(int index) {
        return "call_" + String.format("%02d", index) + "_" + id.replace("-", "").substring(0, 24);
    }

    static String sse(ObjectNode chunk) {
        return "data: " + Json.write(chunk) + "\n\n";
    }
}
