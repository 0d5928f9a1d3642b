package io.github.deepseekspring.testkit.ollama;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.deepseekspring.testkit.server.ApiError;
import tools.jackson.databind.JsonNode;

/** Ollama's {@code keep_alive}: seconds as a number, or a Go duration like {@code "5m"}; 0 unloads, negative keeps forever. */
final class KeepAlive {

    private static final Pattern GO_DURATION = Pattern.compile("(-?\\d+(?:\\.\\d+)?)(ms|s|m|h)?");

    private KeepAlive() {
    }

    static Duration parse(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return OllamaModels.DEFAULT_KEEP_ALIVE;
        }
        if (value.isNumber()) {
            return Duration.ofMillis((long) (value.asDouble() * 1000));
        }
        Matcher matcher = GO_DURATION.matcher(value.asString(""));
        if (!matcher.matches()) {
            throw new ApiError(400, "time: invalid duration \"" + value.asString("") + "\"");
        }
        double amount = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "m" -> amount * 60_000;
            case "h" -> amount * 3_600_000;
            default -> amount * 1000;
        };
        return Duration.ofMillis((long) millis);
    }
}
