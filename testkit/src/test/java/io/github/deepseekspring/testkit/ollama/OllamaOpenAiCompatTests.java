package io.github.deepseekspring.testkit.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.ToolCallSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK against the Ollama simulator's OpenAI-compatible endpoints. */
class OllamaOpenAiCompatTests {

    static OllamaSimulator ollama;
    static OpenAIClient client;

    @BeforeAll
    static void start() {
        ollama = OllamaSimulator.start();
        client = OpenAIOkHttpClient.builder().apiKey("ollama").baseUrl(ollama.baseUrl() + "/v1").maxRetries(0).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        ollama.close();
    }

    @BeforeEach
    void reset() {
        ollama.reset();
    }

    @Test
    void chatPutsR1ReasoningInlineUnlessReasoningEffortIsSet() {
        ChatCompletion inline = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("deepseek-r1:7b").addUserMessage("hi").build());
        assertThat(inline.choices().get(0).message().content()).hasValueSatisfying(c -> assertThat(c).startsWith("<think>").endsWith("Echo: hi"));

        ChatCompletion separate = client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("deepseek-r1:7b").addUserMessage("hi").putAdditionalBodyProperty("reasoning_effort", JsonValue.from("high")).build());
        var message = separate.choices().get(0).message();
        assertThat(message.content()).hasValue("Echo: hi");
        assertThat(message._additionalProperties().get("reasoning").asString()).hasValue("Thinking about the request: hi");
        assertThat(separate.usage().orElseThrow().completionTokens()).isPositive();
    }

    @Test
    void streamsContentAndToolCalls() {
        ollama.onUserMessage("time", ScriptedReply.toolCalls(ToolCallSpec.of("now", "{\"zone\":\"Asia/Shanghai\"}")));
        StringBuilder arguments = new StringBuilder();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model("deepseek-r1:7b").addUserMessage("what time is it")
                        .putAdditionalBodyProperty("think", JsonValue.from(false)).build())) {
            stream.stream().flatMap(c -> c.choices().stream()).forEach(choice -> choice.delta().toolCalls()
                    .ifPresent(calls -> calls.forEach(call -> call.function().flatMap(f -> f.arguments()).ifPresent(arguments::append))));
        }
        assertThat(arguments.toString()).isEqualTo("{\"zone\":\"Asia/Shanghai\"}");
    }

    @Test
    void listsModelsAndAnswersUnknownModelsWith404() {
        assertThat(client.models().list().items()).extracting(m -> m.id()).contains("deepseek-r1:7b", "bge-m3:latest");

        assertThatThrownBy(() -> client.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("nope:1b").addUserMessage("hi").build()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("try pulling it first");
        assertThat(ollama.requests().last().json().path("model").asString()).isEqualTo("nope:1b");
    }
}
