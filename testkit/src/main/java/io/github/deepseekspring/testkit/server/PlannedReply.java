package io.github.deepseekspring.testkit.server;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.ToolCallSpec;

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
     * The facts of a conversation a reply depends on.
     *
     * @param lastUserMessage  text of the last user message ({@code ""} when none)
     * @param lastIsToolResult whether the last message is a tool result
     * @param lastToolResult   text of the last tool result ({@code ""} when none)
     */
    public record Conversation(String lastUserMessage, boolean lastIsToolResult, String lastToolResult) {
    }
}
