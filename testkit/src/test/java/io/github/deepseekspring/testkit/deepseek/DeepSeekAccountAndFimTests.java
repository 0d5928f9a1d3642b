package io.github.deepseekspring.testkit.deepseek;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import io.github.deepseekspring.testkit.Http;
import org.junit.jupiter.api.BeforeEach;
import io.github.deepseekspring.testkit.junit.SimulatorsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

@ExtendWith(SimulatorsExtension.class)
class DeepSeekAccountAndFimTests {

    private final DeepSeekSimulator deepseek;

    DeepSeekAccountAndFimTests(DeepSeekSimulator deepseek) {
        this.deepseek = deepseek;
    }

    @BeforeEach
    void reset() {
        deepseek.reset();
        deepseek.withBalance("100.00", true);
    }

    @Test
    void listsTheConfiguredModels() {
        JsonNode body = Http.json(Http.get(deepseek.baseUrl(), "/models", deepseek.apiKey()));

        assertThat(body.path("object").asString()).isEqualTo("list");
        assertThat(body.path("data").valueStream().map(m -> m.path("id").asString()).toList())
                .containsExactly("deepseek-flash", "deepseek-v4-pro");
        assertThat(body.path("data").get(0).path("owned_by").asString()).isEqualTo("deepseek");
    }

    @Test
    void reportsTheBalanceAndRefusesCompletionsWhenItIsUsedUp() {
        deepseek.withBalance("0.00", false);

        JsonNode balance = Http.json(Http.get(deepseek.baseUrl(), "/user/balance", deepseek.apiKey()));
        assertThat(balance.path("is_available").asBoolean()).isFalse();
        JsonNode info = balance.path("balance_infos").get(0);
        assertThat(info.path("currency").asString()).isEqualTo("CNY");
        assertThat(info.path("total_balance").asString()).isEqualTo("0.00");
        assertThat(info.has("granted_balance") && info.has("topped_up_balance")).isTrue();

        HttpResponse<String> chat = Http.post(deepseek.baseUrl(), "/chat/completions", deepseek.apiKey(),
                "{\"model\":\"deepseek-flash\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        assertThat(chat.statusCode()).isEqualTo(402);
        assertThat(Http.json(chat).path("error").path("message").asString()).isEqualTo("Insufficient Balance");
    }

    @Test
    void fillsInTheMiddleAsATextCompletion() {
        JsonNode body = Http.json(Http.post(deepseek.baseUrl(), "/beta/completions", deepseek.apiKey(), """
                {"model":"deepseek-flash","prompt":"def fib(n):\\n","suffix":"    return fib(n-1) + fib(n-2)","max_tokens":128}"""));

        assertThat(body.path("object").asString()).isEqualTo("text_completion");
        JsonNode choice = body.path("choices").get(0);
        assertThat(choice.path("text").asString()).contains("def fib(n):").contains("return fib(n-1)");
        assertThat(choice.path("finish_reason").asString()).isEqualTo("stop");
        assertThat(body.path("usage").path("prompt_tokens").asInt()).isPositive();
    }

    @Test
    void streamsFim() {
        String body = Http.post(deepseek.baseUrl(), "/beta/completions", deepseek.apiKey(), """
                {"model":"deepseek-flash","prompt":"int x = ","stream":true}""").body();

        List<JsonNode> chunks = Http.sseData(body);
        String text = chunks.stream().map(c -> c.path("choices").get(0).path("text").asString()).reduce("", String::concat);
        assertThat(text).contains("int x =");
        assertThat(body).endsWith("data: [DONE]\n\n");
    }

    @Test
    void rejectsFimInThinkingMode() {
        HttpResponse<String> response = Http.post(deepseek.baseUrl(), "/beta/completions", deepseek.apiKey(), """
                {"model":"deepseek-flash","prompt":"x","thinking":{"type":"enabled"}}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).path("error").path("message").asString()).contains("thinking");
    }
}
