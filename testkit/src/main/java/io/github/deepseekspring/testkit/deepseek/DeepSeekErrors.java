package io.github.deepseekspring.testkit.deepseek;

import io.github.deepseekspring.testkit.server.ErrorStyle;
import io.github.deepseekspring.testkit.server.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * DeepSeek's error body: {@code {"error":{"message":…,"type":…,"param":null,"code":…}}}, with the messages of the
 * official error-code table for injected statuses.
 */
final class DeepSeekErrors implements ErrorStyle {

    @Override
    public String render(int status, String message) {
        ObjectNode root = Json.object();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", type(status));
        error.putNull("param");
        error.put("code", code(status));
        return Json.write(root);
    }

    @Override
    public String defaultMessage(int status) {
        return switch (status) {
            case 400 -> "Invalid Format";
            case 401 -> "Authentication Fails";
            case 402 -> "Insufficient Balance";
            case 422 -> "Invalid Parameters";
            case 429 -> "Rate Limit Reached";
            case 500 -> "Server Error";
            case 503 -> "Server Overloaded";
            default -> "Error " + status;
        };
    }

    private static String type(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 402 -> "unknown_error";
            case 429 -> "rate_limit_error";
            case 500, 502, 504 -> "server_error";
            case 503 -> "service_unavailable_error";
            default -> "invalid_request_error";
        };
    }

    private static String code(int status) {
        return status >= 500 ? "server_error" : "invalid_request_error";
    }
}
