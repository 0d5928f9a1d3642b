package io.github.deepseekspring.testkit.deepseek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.ToolCallSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK must be able to talk to the DeepSeek simulator, DeepSeek extensions included. */
class DeepSeekOpenAiSdkConformanceTests {

    static DeepSeekSimulator deepseek;
    static OpenAIClient client;

    @BeforeAll
    static void start() {
        deepseek = DeepSeekSimulator.start();
        client = OpenAIOkHttpClient.builder().apiKey(deepseek.apiKey()).baseUrl(deepseek.baseUrl().toString())
                .maxRetries(0).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        deepseek.close();
    }

    @BeforeEach
    void reset() {
        deepseek.reset();
    }

    private static ChatCompletionCreateParams.Builder params(String question) {
        return ChatCompletionCreateParams.builder().model("deepseek-flash").addUserMessage(question);
    }

    @Test
    void parsesAPlainCompletionWithReasoningAndCacheUsage() {
        ChatCompletion completion = client.chat().completions().create(params("Hello").build());

        var message = completion.choices().get(0).message();
        assertThat(message.content()).hasValue("Echo: Hello");
        assertThat(message._additionalProperties().get("reasoning_content").asString()).hasValue("Thinking about the request: Hello");
        var usage = completion.usage().orElseThrow();
        assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
        assertThat(usage._additionalProperties()).containsKeys("prompt_cache_hit_tokens", "prompt_cache_miss_tokens");
        assertThat(usage.completionTokensDetails().orElseThrow().reasoningTokens()).hasValueSatisfying(t -> assertThat(t).isPositive());
    }

    @Test
    void parsesAStreamWithReasoningDeltasAndTheUsageChunk() {
        StringBuilder reasoning = new StringBuilder();
        StringBuilder content = new StringBuilder();
        long[] usageTokens = {0};
        ChatCompletionCreateParams request = params("stream please")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(request)) {
            stream.stream().forEach(chunk -> {
                chunk.usage().ifPresent(u -> usageTokens[0] = u.totalTokens());
                chunk.choices().forEach(choice -> {
                    choice.delta().content().ifPresent(content::append);
                    JsonValue piece = choice.delta()._additionalProperties().get("reasoning_content");
                    if (piece != null) {
                        piece.asString().ifPresent(reasoning::append);
                    }
                });
            });
        }

        assertThat(reasoning.toString()).isEqualTo("Thinking about the request: stream please");
        assertThat(content.toString()).isEqualTo("Echo: stream please");
        assertThat(usageTokens[0]).isPositive();
    }

    @Test
    void runsAToolLoopPassingTheReasoningBack() {
        deepseek.onUserMessage("weather", ScriptedReply.toolCalls(ToolCallSpec.of("get_weather", "{\"city\":\"Hangzhou\"}"))
                .thenText("Sunny in Hangzhou"));
        ChatCompletionFunctionTool tool = ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder()
                .name("get_weather").parameters(FunctionParameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object")).build()).build()).build();

        ChatCompletion first = client.chat().completions().create(params("weather in Hangzhou?").addTool(tool).build());
        var choice = first.choices().get(0);
        assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        ChatCompletionMessageFunctionToolCall call = choice.message().toolCalls().orElseThrow().get(0).asFunction();
        assertThat(call.function().name()).isEqualTo("get_weather");
        assertThat(call.function().arguments()).isEqualTo("{\"city\":\"Hangzhou\"}");

        ChatCompletionToolMessageParam result = ChatCompletionToolMessageParam.builder().toolCallId(call.id()).content("sunny").build();
        ChatCompletionAssistantMessageParam withoutReasoning = choice.message().toParam();
        assertThatThrownBy(() -> client.chat().completions().create(params("weather in Hangzhou?").addTool(tool)
                .addMessage(withoutReasoning).addMessage(result).build()))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("reasoning_content");

        ChatCompletionAssistantMessageParam withReasoning = withoutReasoning.toBuilder()
                .putAdditionalProperty("reasoning_content", choice.message()._additionalProperties().get("reasoning_content"))
                .build();
        ChatCompletion second = client.chat().completions().create(params("weather in Hangzhou?").addTool(tool)
                .addMessage(withReasoning).addMessage(result).build());
        assertThat(second.choices().get(0).message().content()).hasValue("Sunny in Hangzhou");
    }

    @Test
    void parsesAnswersThatWereQueuedBehindKeepAlives() {
        deepseek.faults().queue(java.time.Duration.ofMillis(100));

        ChatCompletion whole = client.chat().completions().create(params("queued").build());
        StringBuilder streamed = new StringBuilder();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params("queued").build())) {
            stream.stream().flatMap(c -> c.choices().stream()).forEach(c -> c.delta().content().ifPresent(streamed::append));
        }

        assertThat(whole.choices().get(0).message().content()).hasValue("Echo: queued");
        assertThat(streamed.toString()).isEqualTo("Echo: queued");
    }

    @Test
    void turnsThinkingOffThroughAnExtraBodyProperty() {
        ChatCompletion completion = client.chat().completions().create(params("no thinking")
                .putAdditionalBodyProperty("thinking", JsonValue.from(Map.of("type", "disabled"))).build());

        assertThat(completion.choices().get(0).message()._additionalProperties()).doesNotContainKey("reasoning_content");
    }

    @Test
    void reportsAWrongKeyAsUnauthorized() {
        OpenAIClient wrong = OpenAIOkHttpClient.builder().apiKey("sk-not-the-key").baseUrl(deepseek.baseUrl().toString())
                .maxRetries(0).build();
        try {
            assertThatThrownBy(() -> wrong.chat().completions().create(params("x").build()))
                    .isInstanceOf(UnauthorizedException.class);
        } finally {
            wrong.close();
        }
    }

    @Test
    void listsModelsAndCompletesFim() {
        List<String> ids = client.models().list().items().stream().map(m -> m.id()).toList();
        assertThat(ids).contains("deepseek-flash", "deepseek-v4-pro");

        OpenAIClient beta = client.withOptions(o -> o.baseUrl(deepseek.baseUrl() + "/beta"));
        Completion fim = beta.completions().create(CompletionCreateParams.builder().model("deepseek-flash")
                .prompt("def add(a, b):\n").suffix("\nprint(add(1, 2))").maxTokens(64).build());
        assertThat(fim.choices().get(0).text()).contains("def add(a, b):");
    }
}
