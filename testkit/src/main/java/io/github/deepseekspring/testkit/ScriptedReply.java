package io.github.deepseekspring.testkit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A canned answer a simulator gives when the last user message matches a script (see
 * {@code DeepSeekSimulator.onUserMessage} and {@code OllamaSimulator.onUserMessage}). Immutable: every
 * {@code with…}/{@code then…} method returns a new instance.
 *
 * <p>A tool-call reply models a whole tool loop: the first request gets the tool calls; once the conversation's
 * last message is a {@code tool} result, the same script answers with {@link #thenText(String)}.
 */
public final class ScriptedReply {

    private final String content;
    private final String reasoning;
    private final List<ToolCallSpec> toolCalls;
    private final String textAfterTools;
    private final Integer promptTokens;
    private final Integer completionTokens;

    private ScriptedReply(String content, String reasoning, List<ToolCallSpec> toolCalls, String textAfterTools,
            Integer promptTokens, Integer completionTokens) {
        this.content = content;
        this.reasoning = reasoning;
        this.toolCalls = List.copyOf(toolCalls);
        this.textAfterTools = textAfterTools;
        this.promptTokens = promptTokens;
        this.completionTokens = completionTokens;
    }

    /**
     * A plain text answer.
     *
     * @param content the answer text
     * @return the reply
     */
    public static ScriptedReply text(String content) {
        return new ScriptedReply(Objects.requireNonNull(content, "content"), null, List.of(), null, null, null);
    }

    /**
     * An answer that calls tools (finish reason {@code tool_calls}).
     *
     * @param calls the calls, in order
     * @return the reply
     */
    public static ScriptedReply toolCalls(ToolCallSpec... calls) {
        if (calls.length == 0) {
            throw new IllegalArgumentException("at least one tool call is needed");
        }
        return new ScriptedReply("", null, List.of(calls), null, null, null);
    }

    /**
     * The reasoning (chain of thought) sent in thinking mode instead of the simulator's default reasoning text.
     *
     * @param reasoning reasoning text
     * @return a copy with that reasoning
     */
    public ScriptedReply withReasoning(String reasoning) {
        return new ScriptedReply(content, reasoning, toolCalls, textAfterTools, promptTokens, completionTokens);
    }

    /**
     * The answer given after the tool results came back (the conversation's last message has role {@code tool}).
     *
     * @param content final answer text
     * @return a copy with that follow-up answer
     */
    public ScriptedReply thenText(String content) {
        return new ScriptedReply(this.content, reasoning, toolCalls, content, promptTokens, completionTokens);
    }

    /**
     * Reports this many prompt tokens in usage instead of the simulated tokenizer's count.
     *
     * @param tokens prompt tokens
     * @return a copy with the override
     */
    public ScriptedReply withPromptTokens(int tokens) {
        return new ScriptedReply(content, reasoning, toolCalls, textAfterTools, tokens, completionTokens);
    }

    /**
     * Reports this many completion tokens in usage instead of the simulated tokenizer's count.
     *
     * @param tokens completion tokens
     * @return a copy with the override
     */
    public ScriptedReply withCompletionTokens(int tokens) {
        return new ScriptedReply(content, reasoning, toolCalls, textAfterTools, promptTokens, tokens);
    }

    /** @return the answer text ({@code ""} for a tool-call reply) */
    public String content() {
        return content;
    }

    /** @return the scripted reasoning, if any */
    public Optional<String> reasoning() {
        return Optional.ofNullable(reasoning);
    }

    /** @return the tool calls (empty for a text reply) */
    public List<ToolCallSpec> toolCalls() {
        return toolCalls;
    }

    /** @return the answer given after tool results, if scripted */
    public Optional<String> textAfterTools() {
        return Optional.ofNullable(textAfterTools);
    }

    /** @return the prompt-token override, if any */
    public OptionalInt promptTokens() {
        return promptTokens == null ? OptionalInt.empty() : OptionalInt.of(promptTokens);
    }

    /** @return the completion-token override, if any */
    public OptionalInt completionTokens() {
        return completionTokens == null ? OptionalInt.empty() : OptionalInt.of(completionTokens);
    }

    @Override
    public String toString() {
        return toolCalls.isEmpty() ? "ScriptedReply.text(" + content + ")" : "ScriptedReply.toolCalls(" + toolCalls + ")";
    }
}
