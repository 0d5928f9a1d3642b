package io.github.deepseekspring.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.github.deepseekspring.testkit.Http;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import io.github.deepseekspring.testkit.ollama.OllamaSimulator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatorsExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulatorsExtensionTests {

    private final DeepSeekSimulator constructorInjected;

    SimulatorsExtensionTests(DeepSeekSimulator deepseek) {
        this.constructorInjected = deepseek;
    }

    @Test
    @Order(1)
    void injectsRunningSimulatorsSharedAcrossTheClass(DeepSeekSimulator deepseek, OllamaSimulator ollama) {
        assertThat(deepseek).isSameAs(constructorInjected);
        deepseek.onUserMessage("ping", ScriptedReply.text("pong"));
        deepseek.faults().failNext(5, 500);

        HttpResponse<String> tags = Http.get(ollama.baseUrl(), "/api/tags", null);

        assertThat(tags.statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void resetsScriptsFaultsAndLogsBeforeEachTest(DeepSeekSimulator deepseek, OllamaSimulator ollama) {
        assertThat(deepseek.requests().count()).isZero();
        assertThat(ollama.requests().count()).isZero();

        HttpResponse<String> response = Http.post(deepseek.baseUrl(), "/chat/completions", deepseek.apiKey(),
                "{\"model\":\"deepseek-flash\",\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).path("choices").get(0).path("message").path("content").asString()).isEqualTo("Echo: ping");
    }
}
