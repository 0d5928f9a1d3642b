package io.github.deepseekspring.testkit.deepseek;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.github.deepseekspring.testkit.server.ApiError;
import io.github.deepseekspring.testkit.server.ImageData;
import io.github.deepseekspring.testkit.server.Json;
import tools.jackson.databind.JsonNode;

/**
 * The content parts of a chat request, checked as DeepSeek's vision guide describes them: {@code text} parts, and
 * {@code image_url} parts in user messages only, for a model that takes images; an image is a base64 {@code data:}
 * URL of a JPEG, PNG, GIF or WebP image (recognised from its bytes) of at most 32 MiB, or an http(s) link of at most
 * 8,192 characters (which the simulator does not fetch). Each image costs {@link #TOKENS_PER_IMAGE} prompt tokens.
 */
final class ImageInputs {

    static final int MAX_IMAGE_BYTES = 32 * 1024 * 1024;
    static final int MAX_LINK_LENGTH = 8192;
    static final int TOKENS_PER_IMAGE = 64;
    private static final Set<String> DETAILS = Set.of("low", "high", "auto", "original");

    private ImageInputs() {
    }

    /**
     * Checks every content part of every message.
     *
     * @return the prompt tokens the images add, in message order
     */
    static List<String> check(JsonNode messages, String model, Set<String> visionModels) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            JsonNode content = message.get("content");
            if (content == null || content.isNull() || content.isString()) {
                continue;
            }
            String where = "messages[" + i + "].content";
            if (!content.isArray()) {
                throw schema(where + ": invalid type: expected a string or a sequence of content parts");
            }
            for (int j = 0; j < content.size(); j++) {
                JsonNode part = content.get(j);
                String type = Json.string(part, "type");
                if ("text".equals(type)) {
                    if (Json.string(part, "text") == null) {
                        throw schema(where + "[" + j + "]: missing field `text`");
                    }
                } else if ("image_url".equals(type)) {
                    if (!"user".equals(Json.string(message, "role"))) {
                        throw new ApiError(400, "Invalid request: images are only supported in user messages");
                    }
                    if (!visionModels.contains(model)) {
                        throw new ApiError(400, "Invalid request: model " + model + " does not support image input");
                    }
                    tokens.addAll(image(part.path("image_url"), where + "[" + j + "].image_url"));
                } else {
                    throw schema(where + "[" + j + "].type: unknown variant `" + type + "`, expected `text` or `image_url`");
                }
            }
        }
        return tokens;
    }

    private static List<String> image(JsonNode image, String where) {
        String url = Json.string(image, "url");
        if (url == null) {
            throw schema(where + ": missing field `url`");
        }
        String detail = Json.string(image, "detail");
        if (image.has("detail") && (detail == null || !DETAILS.contains(detail))) {
            throw schema(where + ".detail: unknown variant, expected `low`, `high`, `auto` or `original`");
        }
        if (ImageData.isLink(url)) {
            if (url.length() > MAX_LINK_LENGTH) {
                throw new ApiError(400, "Invalid image URL: longer than " + MAX_LINK_LENGTH + " characters");
            }
            return tokens(url.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (!url.startsWith("data:")) {
            throw new ApiError(400, "Invalid image URL: use a base64 data URL or an http(s) URL");
        }
        byte[] bytes = ImageData.decodeDataUrl(url)
                .orElseThrow(() -> new ApiError(400, "Invalid image: the data URL holds no valid base64 data"));
        if (bytes.length > MAX_IMAGE_BYTES) {
            throw new ApiError(400, "Invalid image: larger than 32 MiB");
        }
        if (ImageData.format(bytes).isEmpty()) {
            throw new ApiError(400, "Invalid image: unsupported format (supported: JPEG, PNG, GIF, WebP)");
        }
        return tokens(bytes);
    }

    /** Tokens derived from the image, so the same image hits the context cache and another one does not. */
    private static List<String> tokens(byte[] image) {
        int hash = Arrays.hashCode(image);
        List<String> tokens = new ArrayList<>(TOKENS_PER_IMAGE);
        for (int k = 0; k < TOKENS_PER_IMAGE; k++) {
            tokens.add("<|image:" + Integer.toHexString(hash) + ":" + k + "|>");
        }
        return tokens;
    }

    private static ApiError schema(String detail) {
        return new ApiError(422, "Failed to deserialize the JSON body into the target type: " + detail);
    }
}
