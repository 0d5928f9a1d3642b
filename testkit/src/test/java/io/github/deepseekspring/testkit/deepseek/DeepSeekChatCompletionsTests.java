package io.github.deepseekspring.testkit.deepseek;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import io.github.deepseekspring.testkit.Http;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.ToolCallSpec;
import io.github.deepseekspring.testkit.junit.SimulatorsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

@ExtendWith(SimulatorsExtension.class)
class DeepSeekChatCompletionsTests {

    private final DeepSeekSimulator deepseek;

    DeepSeekChatCompletionsTests(DeepSeekSimulator deepseek) {
        this.deepseek = deepseek;
    }

    private HttpResponse<String> chat(String body) {
        return Http.post(deepseek.baseUrl(), "/chat/completions", deepseek.apiKey(), body);
    }

    @Test
    void answersWithReasoningByDefaultAndEchoesTheLastUserMessage() {
        HttpResponse<String> response = chat("""
                {"model":"deepseek-flash","messages":[{"role":"user","content":"What is 2+2?"}]}""");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(response);
        assertThat(body.path("object").asString()).isEqualTo("chat.completion");
        JsonNode message = body.path("choices").get(0).path("message");
        assertThat(message.path("content").asString()).isEqualTo("Echo: What is 2+2?");
        assertThat(message.path("reasoning_content").asString()).contains("What is 2+2?");
        assertThat(body.path("choices").get(0).path("finish_reason").asString()).isEqualTo("stop");
        JsonNode usage = body.path("usage");
        assertThat(usage.path("completion_tokens_details").path("reasoning_tokens").asInt()).isPositive();
        assertThat(usage.path("total_tokens").asInt())
                .isEqualTo(usage.path("prompt_tokens").asInt() + usage.path("completion_tokens").asInt());
        assertThat(usage.path("prompt_cache_hit_tokens").asInt() + usage.path("prompt_cache_miss_tokens").asInt())
                .isEqualTo(usage.path("prompt_tokens").asInt());
    }

    @Test
    void usageStylesSendTheFieldsOtherServersSend() {
        String request = """
                {"model":"deepseek-flash","messages":[{"role":"user","content":"count me"}]}""";
        deepseek.withUsageStyle(UsageStyle.LEAN);
        JsonNode lean = Http.json(chat(request)).path("usage");
        assertThat(lean.propertyNames()).containsExactlyInAnyOrder("prompt_tokens", "completion_tokens", "total_tokens");

        deepseek.withUsageStyle(UsageStyle.OPENAI);
        JsonNode openAi = Http.json(chat(request)).path("usage");
        assertThat(openAi.has("prompt_tokens_details")).isTrue();
        assertThat(openAi.has("prompt_cache_hit_tokens")).isFalse();
        assertThat(openAi.has("prompt_cache_miss_tokens")).isFalse();

        deepseek.reset();
        assertThat(Http.json(chat(request)).path("usage").has("prompt_cache_hit_tokens")).as("reset restores DeepSeek's").isTrue();
    }

    @Test
    void logprobsCoverEveryAnswerTokenWholeAndStreamed() {
        deepseek.onUserMessage("probabilities", ScriptedReply.text("One two three."));
        JsonNode whole = Http.json(chat("""
                {"model":"deepseek-flash","logprobs":true,"top_logprobs":2,
                 "messages":[{"role":"user","content":"probabilities please"}]}"""));
        JsonNode content = whole.path("choices").get(0).path("logprobs").path("content");
        StringBuilder tokens = new StringBuilder();
        content.forEach(entry -> tokens.append(entry.path("token").asString()));
        assertThat(tokens).hasToString("One two three.");
        assertThat(content.get(0).path("logprob").asDouble()).isEqualTo(TokenLogprobs.logprob(0));
        assertThat(content.get(0).path("top_logprobs")).hasSize(2);
        assertThat(content.get(0).path("top_logprobs").get(0).path("token").asString()).isEqualTo("One");

        List<JsonNode> chunks = Http.sseData(chat("""
                {"model":"deepseek-flash","logprobs":true,"stream":true,
                 "messages":[{"role":"user","content":"probabilities please"}]}""").body());
        StringBuilder streamed = new StringBuilder();
        for (JsonNode chunk : chunks) {
            JsonNode choice = chunk.path("choices").path(0);
            choice.path("logprobs").path("content").forEach(entry -> {
                streamed.append(entry.path("token").asString());
                assertThat(entry.path("top_logprobs")).isEmpty();
            });
        }
        assertThat(streamed).hasToString("One two three.");
    }

    @Test
    void topLogprobsNeedLogprobsAndStayWithinTwenty() {
        HttpResponse<String> withoutLogprobs = chat("""
                {"model":"deepseek-flash","top_logprobs":3,"messages":[{"role":"user","content":"x"}]}""");
        assertThat(withoutLogprobs.statusCode()).isEqualTo(422);
        assertThat(Http.json(withoutLogprobs).path("error").path("message").asString()).contains("logprobs must be true");
        HttpResponse<String> tooMany = chat("""
                {"model":"deepseek-flash","logprobs":true,"top_logprobs":21,"messages":[{"role":"user","content":"x"}]}""");
        assertThat(tooMany.statusCode()).isEqualTo(422);
        assertThat(Http.json(chat("""
                {"model":"deepseek-flash","messages":[{"role":"user","content":"x"}]}""")).path("choices").get(0)
                .path("logprobs").isNull()).isTrue();
    }

    @Test
    void strictFunctionsOnTheBetaEndpointNeedClosedSchemas() {
        String open = """
                {"model":"deepseek-flash","messages":[{"role":"user","content":"x"}],"tools":[{"type":"function",
                 "function":{"name":"f","strict":true,"parameters":{"type":"object","properties":{"a":{"type":"string"},
                 "b":{"type":"string"}},"required":["a"]}}}]}""";
        HttpResponse<String> refused = Http.post(deepseek.baseUrl(), "/beta/chat/completions", deepseek.apiKey(), open);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Http.json(refused).path("error").path("message").asString()).contains("'b' must be required");
        assertThat(chat(open).statusCode()).as("strict is a beta feature; elsewhere it is not honoured").isEqualTo(200);
        String closed = open.replace("\"required\":[\"a\"]", "\"required\":[\"a\",\"b\"],\"additionalProperties\":false");
        assertThat(Http.post(deepseek.baseUrl(), "/beta/chat/completions", deepseek.apiKey(), closed).statusCode()).isEqualTo(200);
    }

    @Test
    void responseFormatIsTextOrJsonObject() {
        HttpResponse<String> schema = chat("""
                {"model":"deepseek-flash","response_format":{"type":"json_schema"},"messages":[{"role":"user","content":"x"}]}""");
        assertThat(schema.statusCode()).isEqualTo(422);
        JsonNode json = Http.json(chat("""
                {"model":"deepseek-flash","response_format":{"type":"json_object"},"messages":[{"role":"user","content":"json please"}]}"""));
        assertThat(json.path("choices").get(0).path("message").path("content").asString()).isEqualTo("{\"echo\":\"json please\"}");
    }

    @Test
    void thinkingDisabledLeavesOutReasoning() {
        JsonNode body = Http.json(chat("""
                {"model":"deepseek-v4-pro","thinking":{"type":"disabled"},
                 "messages":[{"role":"user","content":"hi"}]}"""));

        JsonNode message = body.path("choices").get(0).path("message");
        assertThat(message.has("reasoning_content")).isFalse();
        assertThat(body.path("usage").has("completion_tokens_details")).isFalse();
        assertThat(body.path("model").asString()).isEqualTo("deepseek-v4-pro");
    }

    @Test
    void streamsReasoningDeltasBeforeContentDeltasThenUsageAndDone() {
        HttpResponse<String> response = chat("""
                {"model":"deepseek-flash","stream":true,"stream_options":{"include_usage":true},
                 "messages":[{"role":"user","content":"stream me"}]}""");

        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
        List<JsonNode> chunks = Http.sseData(response.body());
        StringBuilder reasoning = new StringBuilder();
        StringBuilder content = new StringBuilder();
        boolean contentStarted = false;
        for (JsonNode chunk : chunks.subList(0, chunks.size() - 1)) {
            JsonNode delta = chunk.path("choices").get(0).path("delta");
            if (delta.path("reasoning_content").isString()) {
                assertThat(contentStarted).as("reasoning after content").isFalse();
                reasoning.append(delta.path("reasoning_content").asString());
            }
            if (delta.path("content").isString()) {
                contentStarted |= !delta.path("content").asString().isEmpty();
                content.append(delta.path("content").asString());
            }
            assertThat(chunk.path("usage").isNull()).isTrue();
        }
        assertThat(reasoning.toString()).isEqualTo("Thinking about the request: stream me");
        assertThat(content.toString()).isEqualTo("Echo: stream me");
        JsonNode usageChunk = chunks.get(chunks.size() - 1);
        assertThat(usageChunk.path("choices").isEmpty()).isTrue();
        assertThat(usageChunk.path("usage").path("completion_tokens").asInt()).isPositive();
        assertThat(chunks.get(chunks.size() - 2).path("choices").get(0).path("finish_reason").asString()).isEqualTo("stop");
    }

    @Test
    void scriptedToolCallLoopNeedsTheReasoningPassedBackInThinkingMode() {
        deepseek.onUserMessage("weather", ScriptedReply.toolCalls(ToolCallSpec.of("get_weather", "{\"city\":\"Hangzhou\"}"))
                .withReasoning("I should call the weather tool.").thenText("Sunny, 25°C"));
        String tools = """
                "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}}]""";

        JsonNode first = Http.json(chat("{\"model\":\"deepseek-flash\"," + tools
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"weather in Hangzhou?\"}]}"));
        JsonNode choice = first.path("choices").get(0);
        assertThat(choice.path("finish_reason").asString()).isEqualTo("tool_calls");
        JsonNode call = choice.path("message").path("tool_calls").get(0);
        assertThat(call.path("function").path("name").asString()).isEqualTo("get_weather");
        assertThat(call.path("function").path("arguments").asString()).isEqualTo("{\"city\":\"Hangzhou\"}");
        String callId = call.path("id").asString();

        String withoutReasoning = "{\"model\":\"deepseek-flash\"," + tools + ",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"weather in Hangzhou?\"},"
                + "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[" + call + "]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"" + callId + "\",\"content\":\"sunny\"}]}";
        HttpResponse<String> rejected = chat(withoutReasoning);
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(Http.json(rejected).path("error").path("message").asString())
                .isEqualTo("The `reasoning_content` in the thinking mode must be passed back to the API.");

        String withReasoning = withoutReasoning.replace("\"content\":\"\",\"tool_calls\"",
                "\"content\":\"\",\"reasoning_content\":\"I should call the weather tool.\",\"tool_calls\"");
        JsonNode second = Http.json(chat(withReasoning));
        assertThat(second.path("choices").get(0).path("message").path("content").asString()).isEqualTo("Sunny, 25°C");
    }

    @Test
    void everyAssistantTurnOfAToolCallingStretchPassesItsReasoningBackEvenEmpty() {
        String toolTurn = "{\"role\":\"assistant\",\"content\":\"\",{TOOL}\"tool_calls\":[{\"id\":\"c1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}";
        String answerTurn = "{\"role\":\"assistant\",{ANSWER}\"content\":\"It is 42.\"}";
        String history = "{\"model\":\"deepseek-flash\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
                + "{\"role\":\"assistant\",\"content\":\"Hello!\"},"
                + "{\"role\":\"user\",\"content\":\"q\"}," + toolTurn
                + ",{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"42\"}," + answerTurn
                + ",{\"role\":\"user\",\"content\":\"thanks\"}]}";

        assertThat(chat(history.replace("{TOOL}", "\"reasoning_content\":\"call f\",")
                .replace("{ANSWER}", "")).statusCode())
                .as("the answer after the tool results belongs to the tool-calling stretch").isEqualTo(400);
        assertThat(chat(history.replace("{TOOL}", "\"reasoning_content\":null,")
                .replace("{ANSWER}", "\"reasoning_content\":\"done\",")).statusCode())
                .as("null is not passed back").isEqualTo(400);
        assertThat(chat(history.replace("{TOOL}", "\"reasoning_content\":\"\",")
                .replace("{ANSWER}", "\"reasoning_content\":\"\",")).statusCode())
                .as("an empty reasoning is passed back; the plain greeting turn needs none").isEqualTo(200);
    }

    @Test
    void withoutThinkingAToolTurnNeedsNoReasoning() {
        HttpResponse<String> response = chat("""
                {"model":"deepseek-flash","thinking":{"type":"disabled"},"messages":[
                 {"role":"user","content":"q"},
                 {"role":"assistant","content":"","tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{}"}}]},
                 {"role":"tool","tool_call_id":"c1","content":"42"}]}""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).path("choices").get(0).path("message").path("content").asString())
                .isEqualTo("Tool result: 42");
    }

    @Test
    void streamsToolCallsAsIdThenArgumentFragments() {
        deepseek.onUserMessage("add", ScriptedReply.toolCalls(ToolCallSpec.of("add", "{\"a\":1,\"b\":2}")));

        String body = chat("""
                {"model":"deepseek-flash","stream":true,"messages":[{"role":"user","content":"add 1 and 2"}]}""").body();

        List<JsonNode> chunks = Http.sseData(body);
        StringBuilder arguments = new StringBuilder();
        String id = null;
        for (JsonNode chunk : chunks) {
            for (JsonNode call : chunk.path("choices").get(0).path("delta").path("tool_calls")) {
                id = call.has("id") ? call.path("id").asString() : id;
                arguments.append(call.path("function").path("arguments").asString(""));
            }
        }
        assertThat(id).startsWith("call_");
        assertThat(arguments.toString()).isEqualTo("{\"a\":1,\"b\":2}");
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.path("choices").get(0).path("finish_reason").asString()).isEqualTo("tool_calls");
        assertThat(last.path("usage").path("prompt_tokens").asInt()).as("usage on the finishing chunk").isPositive();
    }

    @Test
    void repeatedLongPrefixHitsTheContextCacheIn64TokenUnits() {
        String system = "你".repeat(200);
        String request = "{\"model\":\"deepseek-flash\",\"messages\":[{\"role\":\"system\",\"content\":\"" + system
                + "\"},{\"role\":\"user\",\"content\":\"%s\"}]}";

        JsonNode first = Http.json(chat(request.formatted("first question"))).path("usage");
        JsonNode second = Http.json(chat(request.formatted("second question"))).path("usage");

        assertThat(first.path("prompt_cache_hit_tokens").asInt()).isZero();
        int hit = second.path("prompt_cache_hit_tokens").asInt();
        assertThat(hit).isEqualTo(192).isEqualTo(second.path("prompt_tokens_details").path("cached_tokens").asInt());
        assertThat(second.path("prompt_cache_miss_tokens").asInt()).isEqualTo(second.path("prompt_tokens").asInt() - hit);
    }

    @Test
    void maxTokensCutsTheAnswerWithFinishReasonLength() {
        JsonNode body = Http.json(chat("""
                {"model":"deepseek-flash","max_tokens":3,"thinking":{"type":"disabled"},
                 "messages":[{"role":"user","content":"a long question indeed"}]}"""));

        assertThat(body.path("choices").get(0).path("finish_reason").asString()).isEqualTo("length");
        assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(3);
    }

    @Test
    void scriptedTokenCountsOverrideTheTokenizer() {
        deepseek.onUserMessage("count", ScriptedReply.text("ok").withPromptTokens(1000).withCompletionTokens(7));

        JsonNode usage = Http.json(chat("""
                {"model":"deepseek-flash","messages":[{"role":"user","content":"count me"}]}""")).path("usage");

        assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(1000);
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(7);
    }

    @Test
    void jsonObjectResponseFormatTurnsTheDefaultAnswerIntoJson() {
        JsonNode body = Http.json(chat("""
                {"model":"deepseek-flash","response_format":{"type":"json_object"},
                 "messages":[{"role":"user","content":"answer in json"}]}"""));

        String content = body.path("choices").get(0).path("message").path("content").asString();
        assertThat(io.github.deepseekspring.testkit.server.Json.MAPPER.readTree(content).path("echo").asString())
                .isEqualTo("answer in json");
    }

    @Test
    void servesTheV1PathToo() {
        HttpResponse<String> response = Http.post(deepseek.baseUrl(), "/v1/chat/completions", deepseek.apiKey(), """
                {"model":"deepseek-flash","messages":[{"role":"user","content":"v1"}]}""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(deepseek.requests().count("/v1/chat/completions")).isEqualTo(1);
        assertThat(deepseek.requests().last().json().path("model").asString()).isEqualTo("deepseek-flash");
    }
}
