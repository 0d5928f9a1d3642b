package io.github.deepseekspring.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.github.deepseekspring.testkit.Http;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import io.github.deepseekspring.testkit.junit.SimulatorsExtension;
import io.github.deepseekspring.testkit.ollama.OllamaSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** A client in any language scripts the standalone simulators over HTTP and runs a tool loop against them. */
@ExtendWith(SimulatorsExtension.class)
class ScriptEndpointTests {

    private static final String WEATHER = """
            {"match":"weather","toolCalls":[{"name":"weather","arguments":{"city":"Hangzhou"}}],
             "thenText":"It is sunny in Hangzhou.","reasoning":"I should call the weather tool."}""";

    @Test
    void aToolLoopOverPlainHttp(DeepSeekSimulator deepseek) {
        HttpResponse<String> scripted = Http.post(deepseek.baseUrl(), "/__script", null, WEATHER);
        assertThat(scripted.statusCode()).isEqualTo(200);
        assertThat(Http.json(scripted).path("scripted").asInt()).isEqualTo(1);

        JsonNode first = Http.json(Http.post(deepseek.baseUrl(), "/chat/completions", deepseek.apiKey(), """
                {"model":"deepseek-flash","messages":[{"role":"user","content":"What is the weather in Hangzhou?"}]}"""));
        JsonNode message = first.path("choices").get(0).path("message");
        JsonNode call = message.path("tool_calls").get(0);
        assertThat(call.path("function").path("arguments").asString()).isEqualTo("{\"city\":\"Hangzhou\"}");
        assertThat(message.path("reasoning_content").asString()).isEqualTo("I should call the weather tool.");

        JsonNode second = Http.json(Http.post(deepseek.baseUrl(), "/chat/completions", deepseek.apiKey(), """
                {"model":"deepseek-flash","messages":[{"role":"user","content":"What is the weather in Hangzhou?"},
                 {"role":"assistant","content":"","reasoning_content":"I should call the weather tool.","tool_calls":[%s]},
                 {"role":"tool","tool_call_id":"%s","content":"sunny"}]}""".formatted(call, call.path("id").asString())));
        assertThat(second.path("choices").get(0).path("message").path("content").asString()).isEqualTo("It is sunny in Hangzhou.");
    }

    @Test
    void theOllamaSimulatorIsScriptedTheSameWay(OllamaSimulator ollama) {
        assertThat(Http.post(ollama.baseUrl(), "/__script", null, "[" + WEATHER + ",{\"match\":\"hello\",\"text\":\"Hi!\"}]")
                .statusCode()).isEqualTo(200);
        JsonNode answer = Http.json(Http.post(ollama.baseUrl(), "/api/chat", null, """
                {"model":"deepseek-r1:7b","stream":false,"think":false,"messages":[{"role":"user","content":"hello"}]}"""));
        assertThat(answer.path("message").path("content").asString()).isEqualTo("Hi!");
        JsonNode call = Http.json(Http.post(ollama.baseUrl(), "/api/chat", null, """
                {"model":"deepseek-r1:7b","stream":false,"messages":[{"role":"user","content":"weather?"}],
                 "tools":[{"type":"function","function":{"name":"weather","parameters":{"type":"object"}}}]}"""));
        assertThat(call.path("message").path("tool_calls").get(0).path("function").path("arguments").path("city").asString())
                .isEqualTo("Hangzhou");
    }

    @Test
    void badScriptsAreRefusedNamingWhatIsWrongAndClearRemovesScripts(DeepSeekSimulator deepseek) {
        HttpResponse<String> noMatch = Http.post(deepseek.baseUrl(), "/__script", null, "{\"text\":\"x\"}");
        assertThat(noMatch.statusCode()).isEqualTo(400);
        assertThat(Http.json(noMatch).path("error").asString()).contains("\"match\"");
        HttpResponse<String> both = Http.post(deepseek.baseUrl(), "/__script", null,
                "{\"match\":\"a\",\"text\":\"x\",\"toolCalls\":[{\"name\":\"f\"}]}");
        assertThat(Http.json(both).path("error").asString()).contains("either \"text\" or \"toolCalls\"");
        assertThat(Http.post(deepseek.baseUrl(), "/__script", null, "not json").statusCode()).isEqualTo(400);

        Http.post(deepseek.baseUrl(), "/__script", null, "{\"match\":\"hello\",\"text\":\"Scripted.\"}");
        Http.post(deepseek.baseUrl(), "/__script", null, "{\"clear\":true}");
        JsonNode echoed = Http.json(Http.post(deepseek.baseUrl(), "/chat/completions", deepseek.apiKey(), """
                {"model":"deepseek-flash","messages":[{"role":"user","content":"hello"}]}"""));
        assertThat(echoed.path("choices").get(0).path("message").path("content").asString()).isEqualTo("Echo: hello");
    }
}
