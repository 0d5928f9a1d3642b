package io.github.deepseekspring.testkit.deepseek;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.github.deepseekspring.testkit.Http;
import io.github.deepseekspring.testkit.junit.SimulatorsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Bad input gets DeepSeek's error statuses and its {@code {"error":{message,type,param,code}}} body. */
@ExtendWith(SimulatorsExtension.class)
class DeepSeekBadInputTests {

    private final DeepSeekSimulator deepseek;

    DeepSeekBadInputTests(DeepSeekSimulator deepseek) {
        this.deepseek = deepseek;
    }

    private static JsonNode error(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode error = Http.json(response).path("error");
        assertThat(error.has("message") && error.has("type") && error.has("param") && error.has("code")).isTrue();
        return error;
    }

    @Test
    void wrongKeyIs401WithTheKeyMasked() {
        HttpResponse<String> response = Http.post(deepseek.baseUrl(), "/chat/completions", "sk-wrong-key-abcd",
                "{\"model\":\"deepseek-flash\",\"messages\":[]}");

        JsonNode error = error(response, 401);
        assertThat(error.path("message").asString()).isEqualTo("Authentication Fails, Your api key: ****abcd is invalid");
        assertThat(error.path("type").asString()).isEqualTo("authentication_error");
        assertThat(response.body()).doesNotContain("sk-wrong-key");
    }

    @Test
    void missingKeyIs401() {
        error(Http.get(deepseek.baseUrl(), "/models", null), 401);
    }

    @Test
    void malformedJsonIs400() {
        JsonNode error = error(Http.post(deepseek.baseUrl(), "/chat/completions", deepseek.apiKey(), "{not json"), 400);
        assertThat(error.path("message").asString()).startsWith("Failed to parse the request body as JSON");
        assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
    }

    @Test
    void missingMessagesIs422() {
        JsonNode error = error(Http.post(deepseek.baseUrl(), "/chat/completions", deepseek.apiKey(),
                "{\"model\":\"deepseek-flash\"}"), 422);
        assertThat(error.path("message").asString()).contains("missing field `messages`");
    }

    @Test
    void unknownRoleIs422() {
        JsonNode error = error(Http.post(deepseek.baseUrl(), "/chat/completions", deepseek.apiKey(),
                "{\"model\":\"deepseek-flash\",\"messages\":[{\"role\":\"wizard\",\"content\":\"x\"}]}"), 422);
        assertThat(error.path("message").asString()).contains("unknown variant `wizard`");
    }

    @Test
    void unknownModelIs400ModelNotExist() {
        JsonNode error = error(Http.post(deepseek.baseUrl(), "/chat/completions", deepseek.apiKey(),
                "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"), 400);
        assertThat(error.path("message").asString()).isEqualTo("Model Not Exist");
    }

    @Test
    void outOfRangeMaxTokensIs422() {
        error(Http.post(deepseek.baseUrl(), "/chat/completions", deepseek.apiKey(),
                "{\"model\":\"deepseek-flash\",\"max_tokens\":0,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"), 422);
    }

    @Test
    void toolResultWithoutAPrecedingCallIs400() {
        error(Http.post(deepseek.baseUrl(), "/chat/completions", deepseek.apiKey(), """
                {"model":"deepseek-flash","messages":[{"role":"user","content":"x"},
                 {"role":"tool","tool_call_id":"nope","content":"y"}]}"""), 400);
    }

    @Test
    void unknownPathIs404() {
        error(Http.get(deepseek.baseUrl(), "/nothing/here", deepseek.apiKey()), 404);
    }
}
