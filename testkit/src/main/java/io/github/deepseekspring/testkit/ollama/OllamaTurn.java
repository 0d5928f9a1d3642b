package io.github.deepseekspring.testkit.ollama;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.deepseekspring.testkit.SimulatedTokenizer;
import io.github.deepseekspring.testkit.ToolCallSpec;
import io.github.deepseekspring.testkit.server.ApiError;
import io.github.deepseekspring.testkit.server.Json;
import io.github.deepseekspring.testkit.server.PlannedReply;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One generated answer of a local model, in token pieces. Thinking models put their reasoning inline as
 * {@code <think>…</think>} in the content unless the request asked for {@code think: true}; then it goes to a
 * separate {@code thinking} (native) or {@code reasoning} (OpenAI-compatible) field.
 */
record OllamaTurn(List<String> thinking, List<String> content, List<ToolCallSpec> toolCalls, String doneReason,
        int promptTokens, int evalTokens) {

    /** The request's wish about thinking: {@code null} when it said nothing. */
    static Boolean thinkRequest(JsonNode think) {
        if (think == null || think.isNull() || think.isMissingNode()) {
            return null;
        }
        return think.isBoolean() ? think.asBoolean() : !"none".equals(think.asString(""));
    }

    /** Whether the model reasons at all for this request; asking a model that cannot think to think is a 400. */
    static boolean reasons(ModelSpec model, Boolean think) {
        if (Boolean.TRUE.equals(think) && !model.can("thinking")) {
            throw new ApiError(400, "\"" + model.name() + "\" does not support thinking");
        }
        return model.can("thinking") && !Boolean.FALSE.equals(think);
    }

    static OllamaTurn of(PlannedReply plan, Boolean think, int promptTokens, Integer numPredict) {
        List<String> thinking = new ArrayList<>();
        List<String> content = new ArrayList<>();
        if (plan.reasoning() != null && Boolean.TRUE.equals(think)) {
            thinking.addAll(SimulatedTokenizer.pieces(plan.reasoning()));
        } else if (plan.reasoning() != null) {
            content.add("<think>\n");
            content.addAll(SimulatedTokenizer.pieces(plan.reasoning()));
            content.add("\n</think>\n\n");
        }
        content.addAll(SimulatedTokenizer.pieces(plan.content()));
        List<ToolCallSpec> toolCalls = plan.toolCalls();
        String doneReason = "stop";
        if (numPredict != null && numPredict >= 0 && thinking.size() + content.size() > numPredict) {
            int keepThinking = Math.min(numPredict, thinking.size());
            thinking = thinking.subList(0, keepThinking);
            content = content.subList(0, numPredict - keepThinking);
            toolCalls = List.of();
            doneReason = "length";
        }
        int toolTokens = toolCalls.stream().mapToInt(c -> 1 + SimulatedTokenizer.count(c.argumentsJson())).sum();
        int evalTokens = plan.completionTokens().orElse(thinking.size() + content.size() + toolTokens);
        return new OllamaTurn(thinking, content, toolCalls, doneReason, plan.promptTokens().orElse(promptTokens), evalTokens);
    }

    String contentText() {
        return String.join("", content);
    }

    String thinkingText() {
        return String.join("", thinking);
    }

    /** Native {@code tool_calls}: arguments as a JSON object. */
    static void putToolCalls(ObjectNode message, List<ToolCallSpec> toolCalls) {
        if (toolCalls.isEmpty()) {
            return;
        }
        var calls = message.putArray("tool_calls");
        for (int i = 0; i < toolCalls.size(); i++) {
            ObjectNode function = calls.addObject().putObject("function");
            function.put("index", i);
            function.put("name", toolCalls.get(i).name());
            function.set("arguments", Json.MAPPER.readTree(toolCalls.get(i).argumentsJson()));
        }
    }

    /** The final object's counters and durations (nanoseconds; ~20 ms per generated token). */
    void putStats(ObjectNode done) {
        long load = 1_000_000L;
        long promptEval = promptTokens * 100_000L;
        long eval = evalTokens * 20_000_000L;
        done.put("total_duration", load + promptEval + eval);
        done.put("load_duration", load);
        done.put("prompt_eval_count", promptTokens);
        done.put("prompt_eval_duration", promptEval);
        done.put("eval_count", evalTokens);
        done.put("eval_duration", eval);
    }

    /** The fields every native response object starts with. */
    static ObjectNode envelope(ModelSpec model) {
        return Json.object().put("model", model.name()).put("created_at", Instant.now().toString());
    }
}
