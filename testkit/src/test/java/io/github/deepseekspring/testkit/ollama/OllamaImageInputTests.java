package io.github.deepseekspring.testkit.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Base64;

import io.github.deepseekspring.testkit.Http;
import io.github.deepseekspring.testkit.TestImages;
import io.github.deepseekspring.testkit.junit.SimulatorsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Images for vision models, on the native API and the OpenAI-compatible one, as Ollama takes them. */
@ExtendWith(SimulatorsExtension.class)
class OllamaImageInputTests {

    private final OllamaSimulator ollama;

    OllamaImageInputTests(OllamaSimulator ollama) {
        this.ollama = ollama;
    }

    private HttpResponse<String> nativeChat(String model, String base64) {
        return Http.post(ollama.baseUrl(), "/api/chat", null, """
                {"model":"%s","stream":false,"messages":[{"role":"user","content":"Describe it","images":["%s"]}]}"""
                .formatted(model, base64));
    }

    @Test
    void aVisionModelSeesNativeImages() {
        ollama.withModel("llava:7b");
        HttpResponse<String> response = nativeChat("llava:7b", Base64.getEncoder().encodeToString(TestImages.jpeg()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).path("message").path("content").asString()).isEqualTo("Echo: Describe it [image: JPEG]");
        HttpResponse<String> show = Http.post(ollama.baseUrl(), "/api/show", null, "{\"model\":\"llava:7b\"}");
        assertThat(Http.json(show).path("capabilities").toString()).contains("vision");
    }

    @Test
    void modelsWithoutVisionAndBrokenImagesAreRefused() {
        ollama.withModel("llava:7b");
        HttpResponse<String> textOnly = nativeChat("deepseek-r1:7b", Base64.getEncoder().encodeToString(TestImages.png()));
        assertThat(textOnly.statusCode()).isEqualTo(400);
        assertThat(Http.json(textOnly).path("error").asString()).isEqualTo("this model does not support image input");
        assertThat(nativeChat("llava:7b", "not base64!").statusCode()).isEqualTo(400);
    }

    @Test
    void theOpenAiEndpointTakesImageParts() {
        ollama.withModel("llava:7b");
        HttpResponse<String> response = Http.post(ollama.baseUrl(), "/v1/chat/completions", null, """
                {"model":"llava:7b","messages":[{"role":"user","content":[{"type":"text","text":"Describe it"},
                 {"type":"image_url","image_url":{"url":"%s"}}]}]}""".formatted(TestImages.dataUrl(TestImages.png(), "image/png")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).path("choices").get(0).path("message").path("content").asString())
                .isEqualTo("Echo: Describe it [image: PNG]");
        HttpResponse<String> textOnly = Http.post(ollama.baseUrl(), "/v1/chat/completions", null, """
                {"model":"deepseek-r1:7b","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://example.com/a.png"}}]}]}""");
        assertThat(textOnly.statusCode()).isEqualTo(400);
    }
}
