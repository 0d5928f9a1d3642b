package io.github.deepseekspring.testkit.server;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.ToolCallSpec;
import tools.jackson.databind.JsonNode;

/**
 * What a simulator will answer to one chat request, decided from the scripts and the conversation.
 *
 * @param reasoning        reasoning text, {@code null} when not thinking
 * @param content          answer text
 * @param toolCalls        tool calls (then the content is empty)
 * @param promptTokens     usage override
 * @param completionTokens usage override
 */
public record PlannedReply(String reasoning, String content, List<ToolCallSpec> toolCalls, OptionalInt promptTokens,
        OptionalInt completionTokens) {

    /**
     * Decides the answer.
     *
     * @param script        the matching script, if any
     * @param conversation  what the conversation says
     * @param thinking      whether reasoning is produced
     * @return the plan
     */
    public static PlannedReply plan(Optional<ScriptedReply> script, Conversation conversation, boolean thinking) {
        String defaultReasoning = "Thinking about the request: " + conversation.lastUserMessage();
        if (script.isEmpty()) {
            String content = conversation.lastIsToolResult()
                    ? "Tool result: " + conversation.lastToolResult()
                    : "Echo: " + conversation.lastUserMessage();
            return new PlannedReply(thinking ? defaultReasoning : null, content, List.of(), OptionalInt.empty(),
                    OptionalInt.empty());
        }
        ScriptedReply reply = script.get();
        String reasoning = thinking ? reply.reasoning().orElse(defaultReasoning) : null;
        boolean callTools = !reply.toolCalls().isEmpty() && !conversation.lastIsToolResult();
        String content = callTools ? "" : reply.toolCalls().isEmpty() ? reply.content()
                : reply.textAfterTools().orElse("Tool result: " + conversation.lastToolResult());
        return new PlannedReply(reasoning, content, callTools ? reply.toolCalls() : List.of(), reply.promptTokens(),
                reply.completionTokens());
    }

    /**
     * For requests that ask for JSON output ({@code response_format}/{@code format}): the default echo becomes a JSON
     * object {@code {"echo": …}}, so structured-output parsing can be tested. Tool calls stay as they are.
     *
     * @param lastUserMessage the text echoed
     * @return the plan with JSON content
     */
    public PlannedReply asJsonEcho(String lastUserMessage) {
        if (!toolCalls.isEmpty()) {
            return this;
        }
        String json = Json.write(Json.object().put("echo", lastUserMessage));
        return new PlannedReply(reasoning, json, toolCalls, promptTokens, completionTokens);
    }

    /**
     * The facts of a conversation a reply depends on.
     *
     * @param lastUserMessage  text of the last user message ({@code ""} when none), followed by a note per image it
     *                         carries ({@code " [image: PNG]"}, {@code " [image: link]"}), so an echo shows what the
     *                         model saw
     * @param lastIsToolResult whether the last message is a tool result
     * @param lastToolResult   text of the last tool result ({@code ""} when none)
     */
    public record Conversation(String lastUserMessage, boolean lastIsToolResult, String lastToolResult) {

        /**
         * Reads the facts from an OpenAI/Ollama-style {@code messages} array.
         *
         * @param messages the messages (an array node; may be empty)
         * @return the facts
         */
        public static Conversation of(JsonNode messages) {
            String lastUser = "";
            String lastTool = "";
            String lastRole = "";
            for (JsonNode message : messages) {
                lastRole = String.valueOf(Json.string(message, "role"));
                if ("user".equals(lastRole)) {
                    lastUser = Json.contentText(message.get("content")) + imageNotes(message);
                } else if ("tool".equals(lastRole)) {
                    lastTool = Json.contentText(message.get("content"));
                }
            }
            return new Conversation(lastUser, "tool".equals(lastRole), lastTool);
        }

        /** Images as OpenAI content parts ({@code image_url}) or as Ollama's {@code images}. */
        private static String imageNotes(JsonNode message) {
            StringBuilder notes = new StringBuilder();
            for (JsonNode part : message.path("content")) {
                String url = Json.string(part.path("image_url"), "url");
                if ("image_url".equals(Json.string(part, "type")) && url != null) {
                    notes.append(note(ImageData.isLink(url) ? java.util.Optional.of("link")
                            : ImageData.decodeDataUrl(url).flatMap(ImageData::format)));
                }
            }
            for (JsonNode image : message.path("images")) {
                notes.append(note(ImageData.decode(image.asString("")).flatMap(ImageData::format)));
            }
            return notes.toString();
        }

        private static String note(java.util.Optional<String> kind) {
            return " [image: " + kind.orElse("unknown") + "]";
        }
    }
}
