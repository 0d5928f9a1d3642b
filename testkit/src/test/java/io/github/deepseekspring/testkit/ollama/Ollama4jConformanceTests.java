package io.github.deepseekspring.testkit.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import io.github.ollama4j.OllamaAPI;
import io.github.ollama4j.exceptions.OllamaBaseException;
import io.github.ollama4j.models.chat.OllamaChatMessageRole;
import io.github.ollama4j.models.chat.OllamaChatRequest;
import io.github.ollama4j.models.chat.OllamaChatRequestBuilder;
import io.github.ollama4j.models.chat.OllamaChatResult;
import io.github.ollama4j.models.embeddings.OllamaEmbedResponseModel;
import io.github.ollama4j.models.response.Model;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Ollama Java client (ollama4j) must understand the Ollama simulator. */
class Ollama4jConformanceTests {

    static OllamaSimulator ollama;
    static OllamaAPI client;

    @BeforeAll
    static void start() {
        ollama = OllamaSimulator.start();
        client = new OllamaAPI(ollama.baseUrl().toString());
        client.setRequestTimeoutSeconds(10);
    }

    @AfterAll
    static void stop() {
        ollama.close();
    }

    @BeforeEach
    void reset() {
        ollama.reset();
    }

    private static OllamaChatRequest question(String model, String text) {
        return OllamaChatRequestBuilder.getInstance(model).withMessage(OllamaChatMessageRole.USER, text).build();
    }

    @Test
    void chats() throws Exception {
        OllamaChatResult result = client.chat(question("deepseek-coder-v2:16b", "hello"));

        assertThat(result.getResponseModel().getMessage().getContent()).isEqualTo("Echo: hello");
        assertThat(result.getResponseModel().isDone()).isTrue();
        assertThat(result.getResponseModel().getEvalCount()).isPositive();
    }

    @Test
    void streamsThinkingAndContent() throws Exception {
        List<String> thinking = new ArrayList<>();
        List<String> content = new ArrayList<>();
        OllamaChatRequest request = OllamaChatRequestBuilder.getInstance("deepseek-r1:7b")
                .withMessage(OllamaChatMessageRole.USER, "stream it").withThinking(true).build();

        OllamaChatResult result = client.chat(request, thinking::add, content::add);

        assertThat(thinking).isNotEmpty();
        assertThat(content).isNotEmpty();
        assertThat(result.getResponseModel().getMessage().getContent()).isEqualTo("Echo: stream it");
        assertThat(result.getResponseModel().getMessage().getThinking()).isEqualTo("Thinking about the request: stream it");
    }

    @Test
    void listsPullsAndShowsModels() throws Exception {
        assertThat(client.listModels()).extracting(Model::getName).contains("deepseek-r1:7b", "bge-m3:latest");

        client.pullModel("qwen3:8b");

        assertThat(client.listModels()).extracting(Model::getName).contains("qwen3:8b");
        assertThat(client.getModelDetails("qwen3:8b").getModelFile()).contains("qwen3:8b");
        assertThat(client.getVersion()).isNotBlank();
        assertThat(client.ping()).isTrue();
    }

    @Test
    void embeds() throws Exception {
        OllamaEmbedResponseModel response = client.embed("bge-m3", List.of("路由器", "router"));

        assertThat(response.getEmbeddings()).hasSize(2).allSatisfy(vector -> assertThat(vector).hasSize(1024));
    }

    @Test
    void reportsMissingModels() {
        assertThatThrownBy(() -> client.chat(question("missing:1b", "hi")))
                .isInstanceOf(OllamaBaseException.class).hasMessageContaining("not found");
    }
}
