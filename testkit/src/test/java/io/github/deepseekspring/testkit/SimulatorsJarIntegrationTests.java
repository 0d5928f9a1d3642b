package io.github.deepseekspring.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shaded {@code -simulators.jar} starts both simulators as a separate process and obeys the control endpoints. */
class SimulatorsJarIntegrationTests {

    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void runsBothSimulatorsFromTheShadedJar() throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-jar", simulatorsJar().toString(), "--deepseek-port", "0", "--ollama-port", "0")
                .redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        URI deepseek = URI.create(urlIn(output.readLine()));
        URI ollama = URI.create(urlIn(output.readLine()));

        HttpResponse<String> faults = Http.post(deepseek, "/__faults", null, "{\"failNext\":{\"count\":1,\"status\":503}}");
        assertThat(faults.statusCode()).isEqualTo(200);
        assertThat(Http.get(deepseek, "/models", "sk-test-dummy-key").statusCode()).isEqualTo(503);
        assertThat(Http.get(deepseek, "/models", "sk-test-dummy-key").statusCode()).isEqualTo(200);
        assertThat(Http.json(Http.get(deepseek, "/__requests", null)).size()).isEqualTo(2);
        assertThat(Http.get(ollama, "/api/version", null).body()).contains("version");
    }

    private static String urlIn(String line) {
        assertThat(line).as("simulator banner").contains("http://");
        String fromUrl = line.substring(line.indexOf("http://"));
        int space = fromUrl.indexOf(' ');
        return space < 0 ? fromUrl : fromUrl.substring(0, space);
    }

    private static Path simulatorsJar() throws IOException {
        try (Stream<Path> files = Files.list(Paths.get("target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-simulators.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("run mvn package first: no -simulators.jar in target/"));
        }
    }
}
