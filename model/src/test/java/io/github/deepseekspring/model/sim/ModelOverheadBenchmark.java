package io.github.deepseekspring.model.sim;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.model.resilience.RetryPolicy;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * Added latency of {@link DeepSeekChatModel} over raw {@link HttpClient} calls to the same simulator in the same run:
 * p50/p99 of {@code call()} and of the time to first token of {@code stream()}, at concurrency 1 and 64, and bytes
 * allocated per streamed token. Not part of the test suite; run with
 * {@code mvn -pl model test-compile exec:java}-like tooling or from an IDE: {@code main(String[])}.
 */
public final class ModelOverheadBenchmark {

	private static final String BODY = "{\"model\":\"deepseek-flash\",\"thinking\":{\"type\":\"disabled\"},"
			+ "\"messages\":[{\"role\":\"user\",\"content\":\"benchmark ping\"}],\"stream\":%s}";

	public static void main(String[] args) throws Exception {
		int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
		try (DeepSeekSimulator sim = DeepSeekSimulator.start()) {
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			DeepSeekChatModel model = DeepSeekChatModel.builder()
				.remote(sim.baseUrl().toString(), sim.apiKey())
				.retryPolicy(RetryPolicy.none())
				.meterRegistry(new SimpleMeterRegistry())
				.defaultOptions(DeepSeekChatOptions.builder().model("deepseek-flash").thinking(false).build())
				.build();
			Prompt prompt = new Prompt("benchmark ping");
			Callable<Long> rawCall = () -> timed(() -> http.send(request(sim, false), HttpResponse.BodyHandlers.ofString()));
			Callable<Long> modelCall = () -> timed(() -> model.call(prompt));
			Callable<Long> rawTtft = () -> {
				long start = System.nanoTime();
				try (Stream<String> lines = http.send(request(sim, true), HttpResponse.BodyHandlers.ofLines()).body()) {
					lines.filter(l -> l.startsWith("data:") && l.contains("\"content\":\"") && !l.contains("\"content\":\"\""))
						.findFirst();
				}
				return System.nanoTime() - start;
			};
			Callable<Long> modelTtft = () -> {
				long start = System.nanoTime();
				model.stream(prompt).blockFirst();
				return System.nanoTime() - start;
			};
			for (int concurrency : new int[] { 1, 64 }) {
				run("warm-up", concurrency, requests / 2, rawCall, modelCall);
				compare("call()", concurrency, requests, rawCall, modelCall);
				compare("stream() TTFT", concurrency, requests, rawTtft, modelTtft);
			}
			allocationsPerToken(sim, http, model);
		}
	}

	private static HttpRequest request(DeepSeekSimulator sim, boolean stream) {
		return HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/chat/completions"))
			.header("Authorization", "Bearer " + sim.apiKey())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(String.format(BODY, stream)))
			.build();
	}

	private interface Action {

		Object run() throws Exception;

	}

	private static long timed(Action action) throws Exception {
		long start = System.nanoTime();
		action.run();
		return System.nanoTime() - start;
	}

	private static void compare(String name, int concurrency, int requests, Callable<Long> raw, Callable<Long> ours)
			throws Exception {
		List<Long> rawTimes = run(name, concurrency, requests, raw, null);
		List<Long> ourTimes = run(name, concurrency, requests, ours, null);
		double rawP50 = percentile(rawTimes, 50), rawP99 = percentile(rawTimes, 99);
		double p50 = percentile(ourTimes, 50), p99 = percentile(ourTimes, 99);
		System.out.printf(Locale.ROOT,
				"%-14s c=%-3d raw p50 %.3f ms p99 %.3f ms | model p50 %.3f ms p99 %.3f ms | added p50 %.3f ms p99 %.3f ms%n",
				name, concurrency, rawP50, rawP99, p50, p99, p50 - rawP50, p99 - rawP99);
	}

	private static List<Long> run(String name, int concurrency, int requests, Callable<Long> first, Callable<Long> second)
			throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		try {
			List<Future<Long>> futures = new ArrayList<>(requests);
			for (int i = 0; i < requests; i++) {
				futures.add(pool.submit(second != null && i % 2 == 1 ? second : first));
			}
			List<Long> times = new ArrayList<>(requests);
			for (Future<Long> f : futures) {
				times.add(f.get());
			}
			return times;
		}
		finally {
			pool.shutdown();
		}
	}

	private static double percentile(List<Long> nanos, int p) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index)) / 1_000_000.0;
	}

	/** Bytes allocated so far by live threads (the pools involved keep their threads across runs). */
	private static long allocated(com.sun.management.ThreadMXBean threads) {
		long total = 0;
		for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
			total += Math.max(0, bytes);
		}
		return total;
	}

	private static void allocationsPerToken(DeepSeekSimulator sim, HttpClient http, DeepSeekChatModel model)
			throws Exception {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		String longAsk = "benchmark tokens " + "word ".repeat(400);
		Prompt prompt = new Prompt(longAsk);
		int runs = 50;
		long tokens = 0;
		for (int i = 0; i < 5; i++) {
			model.stream(prompt).blockLast();
		}
		long before = allocated(threads);
		for (int i = 0; i < runs; i++) {
			tokens += model.stream(prompt).count().block();
		}
		long ours = allocated(threads) - before;
		String body = String.format(BODY, true).replace("benchmark ping", longAsk);
		HttpRequest raw = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/chat/completions"))
			.header("Authorization", "Bearer " + sim.apiKey())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		before = allocated(threads);
		for (int i = 0; i < runs; i++) {
			try (Stream<String> lines = http.send(raw, HttpResponse.BodyHandlers.ofLines()).body()) {
				lines.forEach(l -> { });
			}
		}
		long rawBytes = allocated(threads) - before;
		System.out.printf(Locale.ROOT,
				"allocations: %d streamed chunks; model %.0f B/chunk, raw HttpClient lines %.0f B/chunk, added %.0f B/chunk (whole JVM, simulator included in both)%n",
				tokens, (double) ours / tokens, (double) rawBytes / tokens, (double) (ours - rawBytes) / tokens);
	}

}
