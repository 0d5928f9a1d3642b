package io.github.deepseekspring.testkit.deepseek;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.deepseekspring.testkit.server.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code logprobs} of an answer as the API shapes them ({@code {"content":[{token, logprob, bytes,
 * top_logprobs}]}}), with values a test can predict: the token at position {@code i} has log probability
 * {@code -0.05 × (1 + i mod 5)}, and its {@code k}-th alternative ({@code <alt k>}) {@code 1.5 × k} less; the chosen
 * token heads its own {@code top_logprobs}.
 */
final class TokenLogprobs {

    private TokenLogprobs() {
    }

    /**
     * @param pieces the answer's tokens
     * @param first  the position of the first of them in the answer
     * @param top    how many alternatives to list per position (0 to 20)
     * @return the {@code logprobs} object of a choice
     */
    static ObjectNode of(List<String> pieces, int first, int top) {
        ObjectNode logprobs = Json.object();
        ArrayNode content = logprobs.putArray("content");
        for (int i = 0; i < pieces.size(); i++) {
            content.add(entry(pieces.get(i), first + i, top));
        }
        return logprobs;
    }

    /** @return the log probability the simulator gives the token at {@code position} */
    static double logprob(int position) {
        return -0.05 * (1 + position % 5);
    }

    private static ObjectNode entry(String token, int position, int top) {
        double logprob = logprob(position);
        ObjectNode entry = token(token, logprob);
        ArrayNode alternatives = entry.putArray("top_logprobs");
        for (int k = 0; k < top; k++) {
            alternatives.add(k == 0 ? token(token, logprob) : token("<alt " + k + ">", logprob - 1.5 * k));
        }
        return entry;
    }

    private static ObjectNode token(String token, double logprob) {
        ObjectNode node = Json.object().put("token", token).put("logprob", logprob);
        ArrayNode bytes = node.putArray("bytes");
        for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
            bytes.add(b & 0xFF);
        }
        return node;
    }
}
