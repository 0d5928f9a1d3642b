package io.github.deepseekspring.testkit.deepseek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.github.deepseekspring.testkit.Http;
import io.github.deepseekspring.testkit.RecordedRequest;
import io.github.deepseekspring.testkit.junit.SimulatorsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SimulatorsExtension.class)
class DeepSeekFaultInjectionTests {

    static final String STREAM = """
            {"model":"deepseek-flash","stream":true,"messages":[{"role":"user","content":"tell me a long story"}]}""";
    static final String PLAIN = """
            {"model":"deepseek-flash","messages":[{"role":"user","content":"hi"}]}""";

    private final DeepSeekSimulator deepseek;

    DeepSeekFaultInjectionTests(DeepSeekSimulator deepseek) {
        this.deepseek = deepseek;
    }

    private HttpResponse<String> post(String body) {
        return Http.post(deepseek.baseUrl(), "/chat/completions", deepseek.apiKey(), body);
    }

    @Test
    void failNextAnswersTheStatusWithRetryAfterThenRecovers() {
        deepseek.faults().failNext(2, 429, Duration.ofMillis(1500));

        HttpResponse<String> first = post(PLAIN);
        HttpResponse<String> second = post(PLAIN);
        HttpResponse<String> third = post(PLAIN);

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("retry-after")).hasValue("2");
        assertThat(Http.json(first).path("error").path("message").asString()).isEqualTo("Rate Limit Reached");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(third.statusCode()).isEqualTo(200);
    }

    @Test
    void cutAfterChunksDropsTheConnectionWithoutDone() throws Exception {
        deepseek.faults().cutAfterChunks(3);

        HttpURLConnection connection = openStream();
        List<String> received = new java.util.ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
        assertThatThrownBy(() -> {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                received.add(line);
            }
        }).isInstanceOf(java.io.IOException.class);

        assertThat(received.stream().filter(l -> l.startsWith("data: "))).hasSize(3).noneMatch(l -> l.contains("[DONE]"));
        assertThat(post(STREAM).body()).as("the cut is used up").endsWith("data: [DONE]\n\n");
    }

    private HttpURLConnection openStream() throws java.io.IOException {
        HttpURLConnection connection = (HttpURLConnection) deepseek.baseUrl().resolve("/chat/completions").toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setReadTimeout(5000);
        connection.setRequestProperty("Authorization", "Bearer " + deepseek.apiKey());
        connection.getOutputStream().write(STREAM.getBytes(StandardCharsets.UTF_8));
        return connection;
    }

    @Test
    void queueSendsKeepAliveCommentsInStreamsAndBlankLinesOtherwise() {
        deepseek.faults().queue(Duration.ofMillis(120));

        String stream = post(STREAM).body();
        HttpResponse<String> plain = post(PLAIN);

        assertThat(stream).startsWith(": keep-alive\n\n");
        assertThat(Http.sseData(stream)).isNotEmpty();
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.body()).startsWith("\n");
        assertThat(Http.json(plain).path("choices").get(0).path("message").path("content").asString()).isEqualTo("Echo: hi");
    }

    @Test
    void hangNextSendsNothingThenCloses() {
        deepseek.faults().hangNext(1, Duration.ofMillis(200));
        long start = System.nanoTime();

        assertThatThrownBy(() -> post(PLAIN)).isInstanceOf(UncheckedIOException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
        assertThat(post(PLAIN).statusCode()).isEqualTo(200);
    }

    @Test
    void stallDelaysTheFirstByteUntilCleared() {
        deepseek.faults().stallBeforeFirstByte(Duration.ofMillis(400));
        long start = System.nanoTime();
        assertThat(post(PLAIN).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(390));

        deepseek.faults().clear();
        assertThat(deepseek.faults().takeForRequest().stallBeforeFirstByte()).as("cleared").isZero();
        assertThat(post(PLAIN).statusCode()).isEqualTo(200);
    }

    @Test
    void downRefusesConnectionsAndUpServesAgainOnTheSamePort() {
        deepseek.faults().down();
        assertThatThrownBy(() -> post(PLAIN)).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(java.net.ConnectException.class);

        deepseek.faults().up();
        assertThat(post(PLAIN).statusCode()).isEqualTo(200);
    }

    @Test
    void noticesAStreamingClientThatGoesAway() throws Exception {
        deepseek.faults().tokenDelay(Duration.ofMillis(20));
        HttpURLConnection connection = openStream();
        BufferedReader reader = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
        assertThat(reader.readLine()).startsWith("data: ");
        connection.disconnect();

        RecordedRequest request = deepseek.requests().last();
        assertThat(request.awaitClientDisconnect(Duration.ofSeconds(5))).isTrue();
        assertThat(request.clientDisconnected()).isTrue();
    }

    @Test
    void completionsBeyondTheConcurrencyLimitAnswer429() throws Exception {
        // Slow enough that the first stream is still running on a loaded CI machine when the second request lands.
        deepseek.withConcurrencyLimit(1).faults().tokenDelay(Duration.ofMillis(250));
        try {
            HttpURLConnection first = openStream();
            assertThat(first.getResponseCode()).isEqualTo(200);

            HttpResponse<String> second = post(PLAIN);

            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(Http.json(second).path("error").path("message").asString()).isEqualTo("Rate Limit Reached");
            first.getInputStream().readAllBytes();
            // The slot frees when the first handler returns, a moment after its last byte.
            int status = 0;
            for (int attempt = 0; attempt < 50 && status != 200; attempt++) {
                status = post(PLAIN).statusCode();
                Thread.sleep(status == 200 ? 0 : 20);
            }
            assertThat(status).isEqualTo(200);
        } finally {
            deepseek.withConcurrencyLimit(Integer.MAX_VALUE);
        }
    }

    @Test
    void tokenDelayPacesTheChunks() {
        deepseek.faults().tokenDelay(Duration.ofMillis(10));
        long start = System.nanoTime();

        String body = post(STREAM).body();

        int events = (int) body.lines().filter(l -> l.startsWith("data: ")).count();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(10L * (events - 1) - 5));
    }

    @Test
    void paceHoldsTheFirstChunkThenKeepsTheRate() throws Exception {
        deepseek.faults().pace(Duration.ofMillis(300), 100);
        long start = System.nanoTime();
        HttpURLConnection connection = openStream();
        assertThat(connection.getResponseCode()).isEqualTo(200);
        BufferedReader reader = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
        assertThat(reader.readLine()).startsWith("data: ");
        long firstChunk = System.nanoTime() - start;
        int events = 1;
        for (String line; (line = reader.readLine()) != null; ) {
            events += line.startsWith("data: ") ? 1 : 0;
        }
        long all = System.nanoTime() - start;
        assertThat(Duration.ofNanos(firstChunk)).isGreaterThanOrEqualTo(Duration.ofMillis(295));
        assertThat(Duration.ofNanos(all)).isGreaterThanOrEqualTo(Duration.ofMillis(295 + 10L * (events - 2)));
    }

    @Test
    void theFirstTokenDelayIsAControlSetting() {
        assertThat(Http.post(deepseek.baseUrl(), "/__faults", null, "{\"firstTokenMillis\":200}").statusCode())
                .isEqualTo(200);
        long start = System.nanoTime();
        assertThat(post(STREAM).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(195));
        deepseek.faults().clear();
        assertThat(deepseek.faults().takeForRequest().firstTokenDelay()).isZero();
    }

    @Test
    void controlEndpointsDriveFaultsAndListRequests() {
        HttpResponse<String> applied = Http.post(deepseek.baseUrl(), "/__faults", null,
                "{\"failNext\":{\"count\":1,\"status\":503}}");
        assertThat(applied.statusCode()).isEqualTo(200);

        assertThat(post(PLAIN).statusCode()).isEqualTo(503);
        assertThat(Http.json(Http.get(deepseek.baseUrl(), "/__requests", null)).size()).isEqualTo(1);
        assertThat(Http.get(deepseek.baseUrl(), "/__requests", null).body()).doesNotContain(deepseek.apiKey());

        Http.post(deepseek.baseUrl(), "/__reset", null, "");
        assertThat(deepseek.requests().count()).isZero();
    }
}
