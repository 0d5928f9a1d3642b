package io.github.deepseekspring.testkit.deepseek;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.github.deepseekspring.testkit.Http;
import io.github.deepseekspring.testkit.TestImages;
import io.github.deepseekspring.testkit.junit.SimulatorsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Image content parts as DeepSeek's vision guide describes them. */
@ExtendWith(SimulatorsExtension.class)
class DeepSeekImageInputTests {

    private final DeepSeekSimulator deepseek;

    DeepSeekImageInputTests(DeepSeekSimulator deepseek) {
        this.deepseek = deepseek;
    }

    private HttpResponse<String> ask(String model, String role, String url) {
        return Http.post(deepseek.baseUrl(), "/chat/completions", deepseek.apiKey(), """
                {"model":"%s","messages":[{"role":"%s","content":[{"type":"text","text":"What is in this photo?"},
                 {"type":"image_url","image_url":{"url":"%s"}}]}]}""".formatted(model, role, url));
    }

    private static String message(HttpResponse<String> response) {
        return Http.json(response).path("error").path("message").asString();
    }

    @Test
    void everySupportedFormatAsDataAndLinksAreAccepted() {
        String[][] images = { { TestImages.dataUrl(TestImages.png(), "image/png"), "PNG" },
                { TestImages.dataUrl(TestImages.jpeg(), "image/jpeg"), "JPEG" },
                { TestImages.dataUrl(TestImages.gif(), "image/gif"), "GIF" },
                // the format is the bytes', not the declared type's
                { TestImages.dataUrl(TestImages.webp(), "image/png"), "WebP" },
                { "https://example.com/photo.jpg", "link" } };
        for (String[] image : images) {
            HttpResponse<String> response = ask("deepseek-flash", "user", image[0]);
            assertThat(response.statusCode()).as(image[1]).isEqualTo(200);
            assertThat(Http.json(response).path("choices").get(0).path("message").path("content").asString())
                    .isEqualTo("Echo: What is in this photo? [image: " + image[1] + "]");
        }
    }

    @Test
    void anImageCostsPromptTokensAndTheSameImageHitsTheCache() {
        String png = TestImages.dataUrl(TestImages.png(), "image/png");
        JsonNode first = Http.json(ask("deepseek-flash", "user", png)).path("usage");
        JsonNode textOnly = Http.json(Http.post(deepseek.baseUrl(), "/chat/completions", deepseek.apiKey(), """
                {"model":"deepseek-flash","messages":[{"role":"user","content":"What is in this photo?"}]}""")).path("usage");
        assertThat(first.path("prompt_tokens").asInt() - textOnly.path("prompt_tokens").asInt())
                .isEqualTo(ImageInputs.TOKENS_PER_IMAGE);
        assertThat(Http.json(ask("deepseek-flash", "user", png)).path("usage").path("prompt_cache_hit_tokens").asInt())
                .isPositive();
    }

    @Test
    void imagesAreRefusedWhereTheApiRefusesThem() {
        String png = TestImages.dataUrl(TestImages.png(), "image/png");
        HttpResponse<String> pro = ask("deepseek-v4-pro", "user", png);
        assertThat(pro.statusCode()).isEqualTo(400);
        assertThat(message(pro)).contains("does not support image input");
        assertThat(ask("deepseek-flash", "system", png).statusCode()).isEqualTo(400);
        HttpResponse<String> bmp = ask("deepseek-flash", "user", "data:image/bmp;base64,Qk0eAAAAAAAAABoAAAAMAAAAAQABAAEAGAAAAP8A");
        assertThat(bmp.statusCode()).isEqualTo(400);
        assertThat(message(bmp)).contains("unsupported format");
        assertThat(message(ask("deepseek-flash", "user", "data:image/png;base64,%%%"))).contains("base64");
        assertThat(message(ask("deepseek-flash", "user", "file:///etc/passwd"))).contains("http(s)");
        assertThat(message(ask("deepseek-flash", "user", "https://example.com/" + "a".repeat(8200)))).contains("8192");
        HttpResponse<String> noUrl = Http.post(deepseek.baseUrl(), "/chat/completions", deepseek.apiKey(), """
                {"model":"deepseek-flash","messages":[{"role":"user","content":[{"type":"image_url","image_url":{}}]}]}""");
        assertThat(noUrl.statusCode()).isEqualTo(422);
        HttpResponse<String> audio = Http.post(deepseek.baseUrl(), "/chat/completions", deepseek.apiKey(), """
                {"model":"deepseek-flash","messages":[{"role":"user","content":[{"type":"input_audio","input_audio":{}}]}]}""");
        assertThat(audio.statusCode()).isEqualTo(422);
    }

    @Test
    void visionModelsAreConfigurable() {
        deepseek.withVisionModels("deepseek-flash", "deepseek-v4-pro");
        try {
            assertThat(ask("deepseek-v4-pro", "user", TestImages.dataUrl(TestImages.png(), "image/png")).statusCode())
                    .isEqualTo(200);
        } finally {
            deepseek.withVisionModels("deepseek-flash");
        }
    }
}
