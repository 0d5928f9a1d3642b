package io.github.deepseekspring.testkit.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import io.github.deepseekspring.testkit.Http;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.ToolCallSpec;
import io.github.deepseekspring.testkit.server.Json;
import io.github.deepseekspring.testkit.junit.SimulatorsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

@ExtendWith(SimulatorsExtension.class)
class OllamaNativeApiTests {

    private final OllamaSimulator ollama;

    OllamaNativeApiTests(OllamaSimulator ollama) {
        this.ollama = ollama;
    }

    private HttpResponse<String> post(String path, String body) {
        return Http.post(ollama.baseUrl(), path, null, body);
    }

    private static List<JsonNode> ndjson(String body) {
        return body.lines().filter(l -> !l.isBlank()).map(Json.MAPPER::readTree).toList();
    }

    @Test
    void deepSeekR1ReasonsInlineByDefault() {
        JsonNode body = Http.json(post("/api/chat", """
                {"model":"deepseek-r1:7b","stream":false,"messages":[{"role":"user","content":"why is the sky blue?"}]}"""));

        assertThat(body.path("message").path("content").asString())
                .startsWith("<think>\nThinking about the request: why is the sky blue?\n</think>\n\n")
                .endsWith("Echo: why is the sky blue?");
        assertThat(body.path("message").has("thinking")).isFalse();
        assertThat(body.path("done").asBoolean()).isTrue();
        assertThat(body.path("done_reason").asString()).isEqualTo("stop");
        assertThat(body.path("eval_count").asInt()).isPositive();
        assertThat(body.path("total_duration").asLong()).isPositive();
    }

    @Test
    void thinkTrueMovesTheReasoningToTheThinkingField() {
        List<JsonNode> lines = ndjson(post("/api/chat", """
                {"model":"deepseek-r1:7b","think":true,"messages":[{"role":"user","content":"hi"}]}""").body());

        String thinking = lines.stream().map(l -> l.path("message").path("thinking").asString("")).reduce("", String::concat);
        String content = lines.stream().map(l -> l.path("message").path("content").asString("")).reduce("", String::concat);
        assertThat(thinking).isEqualTo("Thinking about the request: hi");
        assertThat(content).isEqualTo("Echo: hi");
        JsonNode last = lines.get(lines.size() - 1);
        assertThat(last.path("done").asBoolean()).isTrue();
        assertThat(last.path("prompt_eval_count").asInt()).isPositive();
        assertThat(lines.subList(0, lines.size() - 1)).allMatch(l -> !l.path("done").asBoolean());
    }

    @Test
    void askingAModelThatCannotThinkToThinkIs400() {
        HttpResponse<String> response = post("/api/chat", """
                {"model":"deepseek-coder-v2:16b","think":true,"messages":[{"role":"user","content":"hi"}]}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).path("error").asString()).contains("does not support thinking");
    }

    @Test
    void unknownModelIs404TryPullingItFirst() {
        HttpResponse<String> response = post("/api/chat", """
                {"model":"llama9:70b","messages":[{"role":"user","content":"hi"}]}""");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\":\"model \\\"llama9:70b\\\" not found, try pulling it first\"}");
    }

    @Test
    void malformedJsonIs400WithAnErrorString() {
        HttpResponse<String> response = post("/api/chat", "{oops");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).path("error").isString()).isTrue();
    }

    @Test
    void answersScriptedToolCallsWithArgumentsAsAnObject() {
        ollama.onUserMessage("weather", ScriptedReply.toolCalls(ToolCallSpec.of("get_weather", "{\"city\":\"Hangzhou\"}"))
                .thenText("It is sunny."));

        JsonNode first = Http.json(post("/api/chat", """
                {"model":"deepseek-r1:7b","stream":false,"think":false,"tools":[{"type":"function","function":{"name":"get_weather"}}],
                 "messages":[{"role":"user","content":"weather?"}]}"""));
        JsonNode call = first.path("message").path("tool_calls").get(0).path("function");
        assertThat(call.path("name").asString()).isEqualTo("get_weather");
        assertThat(call.path("arguments").path("city").asString()).isEqualTo("Hangzhou");

        JsonNode second = Http.json(post("/api/chat", """
                {"model":"deepseek-r1:7b","stream":false,"think":false,"messages":[{"role":"user","content":"weather?"},
                 {"role":"assistant","content":"","tool_calls":[{"function":{"name":"get_weather","arguments":{"city":"Hangzhou"}}}]},
                 {"role":"tool","content":"sunny"}]}"""));
        assertThat(second.path("message").path("content").asString()).isEqualTo("It is sunny.");
    }

    @Test
    void formatTurnsTheDefaultAnswerIntoJson() {
        JsonNode body = Http.json(post("/api/chat", """
                {"model":"deepseek-r1:7b","stream":false,"think":false,"format":"json","messages":[{"role":"user","content":"q"}]}"""));

        assertThat(Json.MAPPER.readTree(body.path("message").path("content").asString()).path("echo").asString()).isEqualTo("q");
    }

    @Test
    void numPredictStopsWithDoneReasonLength() {
        JsonNode body = Http.json(post("/api/generate", """
                {"model":"deepseek-r1:7b","stream":false,"think":false,"prompt":"a long prompt here","options":{"num_predict":2}}"""));

        assertThat(body.path("done_reason").asString()).isEqualTo("length");
        assertThat(body.path("eval_count").asInt()).isEqualTo(2);
    }

    @Test
    void generateFillsInTheMiddleWithSuffixOnACoderModelOnly() {
        List<JsonNode> lines = ndjson(post("/api/generate", """
                {"model":"deepseek-coder-v2:16b","prompt":"def add(a, b):\\n","suffix":"\\nprint(add(1, 2))"}""").body());
        String response = lines.stream().map(l -> l.path("response").asString("")).reduce("", String::concat);
        assertThat(response).contains("def add(a, b):").contains("print(add(1, 2))");
        assertThat(lines.get(lines.size() - 1).path("context").isArray()).isTrue();

        HttpResponse<String> refused = post("/api/generate", """
                {"model":"deepseek-r1:7b","prompt":"x","suffix":"y"}""");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Http.json(refused).path("error").asString()).contains("does not support insert");
    }

    @Test
    void embedsDeterministicUnitVectorsAndSimilarTextsAreCloser() {
        JsonNode body = Http.json(post("/api/embed", """
                {"model":"bge-m3","input":["路由器 重置 密码","路由器 重置 方法","today's weather"]}"""));
        JsonNode again = Http.json(post("/api/embed", """
                {"model":"bge-m3","input":"路由器 重置 密码"}"""));

        List<double[]> vectors = body.path("embeddings").valueStream()
                .map(v -> v.valueStream().mapToDouble(JsonNode::asDouble).toArray()).toList();
        assertThat(vectors).hasSize(3).allSatisfy(v -> assertThat(v).hasSize(1024));
        assertThat(dot(vectors.get(0), vectors.get(0))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(dot(vectors.get(0), vectors.get(1))).isGreaterThan(dot(vectors.get(0), vectors.get(2)));
        assertThat(again.path("embeddings").get(0)).isEqualTo(body.path("embeddings").get(0));
        assertThat(body.path("prompt_eval_count").asInt()).isPositive();

        JsonNode legacy = Http.json(post("/api/embeddings", "{\"model\":\"bge-m3\",\"prompt\":\"路由器 重置 密码\"}"));
        assertThat(legacy.path("embedding")).isEqualTo(body.path("embeddings").get(0));
    }

    @Test
    void pullStreamsProgressThenTheModelIsInstalledAndDeletable() {
        List<JsonNode> progress = ndjson(post("/api/pull", "{\"model\":\"qwen3:8b\"}").body());

        List<String> statuses = progress.stream().map(p -> p.path("status").asString()).toList();
        assertThat(statuses.get(0)).isEqualTo("pulling manifest");
        assertThat(statuses).contains("verifying sha256 digest", "writing manifest").endsWith("success");
        JsonNode layer = progress.get(progress.size() - 4);
        assertThat(layer.path("completed").asLong()).isEqualTo(layer.path("total").asLong()).isPositive();
        assertThat(layer.path("digest").asString()).startsWith("sha256:");
        assertThat(Http.get(ollama.baseUrl(), "/api/tags", null).body()).contains("qwen3:8b");

        HttpResponse<String> deleted = Http.delete(ollama.baseUrl(), "/api/delete", "{\"model\":\"qwen3:8b\"}");
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(Http.delete(ollama.baseUrl(), "/api/delete", "{\"model\":\"qwen3:8b\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void listsShowsAndReportsLoadedModelsWithVram() {
        JsonNode tags = Http.json(Http.get(ollama.baseUrl(), "/api/tags", null));
        assertThat(tags.path("models").valueStream().map(m -> m.path("name").asString()))
                .containsExactlyInAnyOrder("bge-m3:latest", "deepseek-coder-v2:16b", "deepseek-r1:7b");
        assertThat(tags.path("models").get(0).path("details").path("quantization_level").isString()).isTrue();

        JsonNode show = Http.json(post("/api/show", "{\"model\":\"deepseek-r1:7b\"}"));
        assertThat(show.path("capabilities").valueStream().map(JsonNode::asString)).contains("thinking", "completion");

        assertThat(Http.json(Http.get(ollama.baseUrl(), "/api/ps", null)).path("models").isEmpty()).isTrue();
        post("/api/embed", "{\"model\":\"bge-m3\",\"input\":\"x\"}");
        JsonNode loaded = Http.json(Http.get(ollama.baseUrl(), "/api/ps", null)).path("models").get(0);
        assertThat(loaded.path("name").asString()).isEqualTo("bge-m3:latest");
        assertThat(loaded.path("size_vram").asLong()).isPositive();
        assertThat(loaded.path("expires_at").asString()).isNotBlank();

        assertThat(Http.json(Http.get(ollama.baseUrl(), "/api/version", null)).path("version").asString()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void injectedFailuresUseTheOllamaErrorShape() {
        ollama.faults().failNext(1, 503);

        HttpResponse<String> response = Http.get(ollama.baseUrl(), "/api/tags", null);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(Http.json(response).path("error").asString()).contains("server busy");
    }

    @Test
    void cutStreamsEndWithoutTheDoneObject() throws Exception {
        ollama.faults().cutAfterChunks(2);
        java.net.HttpURLConnection connection = (java.net.HttpURLConnection) ollama.baseUrl().resolve("/api/chat").toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setReadTimeout(5000);
        connection.getOutputStream().write("{\"model\":\"deepseek-r1:7b\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.io.BufferedReader reader = new java.io.BufferedReader(
                new java.io.InputStreamReader(connection.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
        List<String> lines = new java.util.ArrayList<>();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        }).isInstanceOf(java.io.IOException.class);

        assertThat(lines).hasSize(2).noneMatch(l -> l.contains("\"done\":true"));
    }

    @Test
    void controlEndpointTakesTheServerDownForAWhile() throws Exception {
        // long enough down that the refused request below surely falls in it, however slow the machine
        assertThat(Http.post(ollama.baseUrl(), "/__faults", null, "{\"downForMillis\":3000}").statusCode()).isEqualTo(200);
        awaitDown(true);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Http.get(ollama.baseUrl(), "/api/version", null))
                .isInstanceOf(java.io.UncheckedIOException.class);

        awaitDown(false);
        assertThat(Http.get(ollama.baseUrl(), "/api/version", null).statusCode()).isEqualTo(200);
    }

    private void awaitDown(boolean down) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (ollama.faults().isDown() != down && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(ollama.faults().isDown()).isEqualTo(down);
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
