package io.github.deepseekspring.testkit.ollama;

import io.github.deepseekspring.testkit.server.ApiError;
import io.github.deepseekspring.testkit.server.ImageData;
import io.github.deepseekspring.testkit.server.Json;
import tools.jackson.databind.JsonNode;

/**
 * Images sent to the Ollama simulator, checked as Ollama does: only a model with the {@code vision} capability takes
 * them ("this model does not support image input"); native {@code images} are bare base64, OpenAI-compatible
 * {@code image_url} parts base64 {@code data:} URLs or links; each must be a JPEG, PNG, GIF or WebP image.
 */
final class OllamaImages {

    private OllamaImages() {
    }

    /** Checks the native API's {@code messages[].images}. */
    static void checkNative(JsonNode messages, ModelSpec model) {
        for (JsonNode message : messages) {
            JsonNode images = message.get("images");
            if (images == null || images.isNull() || images.isEmpty()) {
                continue;
            }
            if (!images.isArray()) {
                throw new ApiError(400, "json: cannot unmarshal into Go struct field Message.messages.images of type []api.ImageData");
            }
            requireVision(model);
            for (JsonNode image : images) {
                byte[] bytes = ImageData.decode(image.asString(""))
                        .orElseThrow(() -> new ApiError(400, "illegal base64 data in image input"));
                requireKnownFormat(bytes);
            }
        }
    }

    /** Checks the OpenAI-compatible API's {@code image_url} content parts. */
    static void checkOpenAi(JsonNode messages, ModelSpec model) {
        for (JsonNode message : messages) {
            for (JsonNode part : message.path("content")) {
                if (!"image_url".equals(Json.string(part, "type"))) {
                    continue;
                }
                requireVision(model);
                String url = Json.string(part.path("image_url"), "url");
                if (url == null) {
                    throw new ApiError(400, "invalid image input: missing url");
                }
                if (!ImageData.isLink(url)) {
                    requireKnownFormat(ImageData.decodeDataUrl(url)
                            .orElseThrow(() -> new ApiError(400, "invalid image input: not a base64 data URL")));
                }
            }
        }
    }

    private static void requireVision(ModelSpec model) {
        if (!model.can("vision")) {
            throw new ApiError(400, "this model does not support image input");
        }
    }

    private static void requireKnownFormat(byte[] bytes) {
        if (ImageData.format(bytes).isEmpty()) {
            throw new ApiError(400, "image: unknown format");
        }
    }
}
