package io.github.deepseekspring.testkit.deepseek;

import java.util.List;

import io.github.deepseekspring.testkit.SimulatedTokenizer;
import io.github.deepseekspring.testkit.ToolCallSpec;
import io.github.deepseekspring.testkit.server.PlannedReply;
import io.github.deepseekspring.testkit.server.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answer to one chat request, cut into token pieces, with {@code max_tokens} applied (reasoning counts against
 * it, as on the real API) and usage counted.
 */
record ChatAnswer(List<String> reasoning, List<String> content, List<ToolCallSpec> toolCalls, String finishReason,
        Usage usage) {

    static ChatAnswer of(PlannedReply plan, ChatRequest request, PrefixCache cache) {
        List<String> reasoning = SimulatedTokenizer.pieces(plan.reasoning());
        List<String> content = SimulatedTokenizer.pieces(plan.content());
        List<ToolCallSpec> toolCalls = plan.toolCalls();
        String finishReason = toolCalls.isEmpty() ? "stop" : "tool_calls";
        Integer budget = request.maxTokens();
        if (budget != null && reasoning.size() + content.size() > budget) {
            reasoning = reasoning.subList(0, Math.min(budget, reasoning.size()));
            content = content.subList(0, budget - reasoning.size());
            toolCalls = List.of();
            finishReason = "length";
        }
        int toolTokens = toolCalls.stream().mapToInt(c -> 1 + SimulatedTokenizer.count(c.argumentsJson())).sum();
        int completion = plan.completionTokens().orElse(reasoning.size() + content.size() + toolTokens);
        int hit = cache.hitThenRemember(request.model(), request.promptTokens());
        int prompt = plan.promptTokens().orElse(request.promptTokens().size());
        Usage usage = new Usage(prompt, Math.min(hit, prompt), completion,
                request.thinking() ? Math.min(reasoning.size(), completion) : null);
        return new ChatAnswer(reasoning, content, toolCalls, finishReason, usage);
    }

    /**
     * DeepSeek usage.
     *
     * @param reasoningTokens {@code null} outside thinking mode (the field is then absent)
     */
    record Usage(int promptTokens, int cacheHitTokens, int completionTokens, Integer reasoningTokens) {

        ObjectNode toJson(UsageStyle style) {
            ObjectNode usage = Json.object();
            usage.put("prompt_tokens", promptTokens);
            usage.put("completion_tokens", completionTokens);
            usage.put("total_tokens", promptTokens + completionTokens);
            if (style == UsageStyle.LEAN) {
                return usage;
            }
            usage.putObject("prompt_tokens_details").put("cached_tokens", cacheHitTokens);
            if (reasoningTokens != null) {
                usage.putObject("completion_tokens_details").put("reasoning_tokens", reasoningTokens);
            }
            if (style == UsageStyle.DEEPSEEK) {
                usage.put("prompt_cache_hit_tokens", cacheHitTokens);
                usage.put("prompt_cache_miss_tokens", promptTokens - cacheHitTokens);
            }
            return usage;
        }
    }
}
