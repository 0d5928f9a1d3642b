package io.github.deepseekspring.testkit;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import io.github.deepseekspring.testkit.ollama.OllamaSimulator;

/**
 * Runs both simulators until the process is stopped, for demos, benchmarks and manual tries:
 * {@code java -jar deepseek-testkit-<version>-simulators.jar --deepseek-port 18081 --ollama-port 18082}
 * (also {@code --api-key <key>}, and {@code --first-token-ms 1000 --tokens-per-second 30} to pace streams like a real
 * model). Answers are scripted over HTTP with {@code POST /__script} (a tool loop for
 * clients in any language), faults with {@code POST /__faults}; {@code POST /__reset} and {@code GET /__requests}
 * on either port.
 */
public final class SimulatorsMain {

    private SimulatorsMain() {
    }

    /**
     * Starts both simulators.
     *
     * @param args {@code --deepseek-port N}, {@code --ollama-port N} (0 or absent: a free port), {@code --api-key K},
     *             {@code --first-token-ms N}, {@code --tokens-per-second N}
     * @throws InterruptedException when interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        int deepseekPort = 0;
        int ollamaPort = 0;
        String apiKey = DeepSeekSimulator.DEFAULT_API_KEY;
        long firstTokenMillis = 0;
        double tokensPerSecond = 0;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--deepseek-port" -> deepseekPort = port(args[i], value);
                case "--ollama-port" -> ollamaPort = port(args[i], value);
                case "--api-key" -> apiKey = required(args[i], value);
                case "--first-token-ms" -> firstTokenMillis = number(args[i], value);
                case "--tokens-per-second" -> tokensPerSecond = number(args[i], value);
                case "--help", "-h" -> {
                    System.out.println("usage: --deepseek-port N --ollama-port N [--api-key KEY] [--first-token-ms N]"
                            + " [--tokens-per-second N]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
            }
            i++;
        }
        DeepSeekSimulator deepseek = DeepSeekSimulator.start(deepseekPort).withApiKey(apiKey);
        OllamaSimulator ollama = OllamaSimulator.start(ollamaPort);
        if (tokensPerSecond > 0) {
            deepseek.faults().pace(Duration.ofMillis(firstTokenMillis), tokensPerSecond);
            ollama.faults().pace(Duration.ofMillis(firstTokenMillis), tokensPerSecond);
        } else if (firstTokenMillis > 0) {
            deepseek.faults().firstTokenDelay(Duration.ofMillis(firstTokenMillis));
            ollama.faults().firstTokenDelay(Duration.ofMillis(firstTokenMillis));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            deepseek.close();
            ollama.close();
            stopped.countDown();
        }));
        System.out.println("DeepSeek API simulator: " + deepseek.baseUrl() + " (API key: the one given with --api-key, or "
                + DeepSeekSimulator.DEFAULT_API_KEY + ")");
        System.out.println("Ollama simulator:       " + ollama.baseUrl());
        System.out.println("Control: POST /__script, POST /__faults, POST /__reset, GET /__requests on either port. Ctrl-C stops.");
        stopped.await();
    }

    private static long number(String option, String value) {
        try {
            long number = Long.parseLong(required(option, value));
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number of zero or more, got " + value);
        }
    }

    private static int port(String option, String value) {
        try {
            return Integer.parseInt(required(option, value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a port number, got " + value);
        }
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
