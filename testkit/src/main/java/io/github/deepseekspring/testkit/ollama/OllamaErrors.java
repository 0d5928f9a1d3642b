package io.github.deepseekspring.testkit.ollama;

import io.github.deepseekspring.testkit.server.ErrorStyle;
import io.github.deepseekspring.testkit.server.Json;

/** Ollama's error body: {@code {"error":"…"}}. */
final class OllamaErrors implements ErrorStyle {

    static String notFound(String model) {
        return "model \"" + model + "\" not found, try pulling it first";
    }

    @Override
    public String render(int status, String message) {
        return Json.write(Json.object().put("error", message));
    }

    @Override
    public String defaultMessage(int status) {
        return switch (status) {
            case 429, 503 -> "server busy, please try again.  maximum pending requests exceeded";
            case 500 -> "llama runner process has terminated: exit status 2";
            default -> "error " + status;
        };
    }
}
