package io.github.deepseekspring.benchmarks;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * What {@link DeepSeekChatModel} adds to a call, measured against a raw JDK {@link HttpClient} sending the same
 * request to the same DeepSeek simulator in the same run: latency of a whole call, time to the first token of a
 * stream read to its end, the client's CPU time and heap allocation per request, at concurrency 1 and 64.
 *
 * <p>Run: {@code mvn -q -pl benchmarks -am -DskipTests install && mvn -q -pl benchmarks exec:java}. Options:
 * {@code -Dbenchmark.requests=3000}; {@code -Dbenchmark.concurrency=1,64}; {@code -Dbenchmark.simulator=http://127.0.0.1:18081} to use a simulator in
 * another process (the testkit's {@code -simulators.jar}; then CPU and allocation figures are the client's alone);
 * {@code -Dbenchmark.ttft-ms=200} to make the simulator wait before its first byte, as the real API does, so that
 * 64 streams no longer saturate the CPU and the figures show the model's own cost rather than queueing.
 */
public final class ModelOverheadBenchmark {

	private static final String QUESTION = "What is the warranty period of the YF-AX3000 router?";

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private ModelOverheadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int requests = Integer.getInteger("benchmark.requests", 3000);
		Duration firstByteDelay = Duration.ofMillis(Long.getLong("benchmark.ttft-ms", 0));
		String external = System.getProperty("benchmark.simulator");
		DeepSeekSimulator inJvm = external == null ? DeepSeekSimulator.start() : null;
		try {
			URI baseUrl = inJvm != null ? inJvm.baseUrl() : URI.create(external);
			String apiKey = inJvm != null ? inJvm.apiKey() : DeepSeekSimulator.DEFAULT_API_KEY;
			if (inJvm != null) {
				inJvm.faults().stallBeforeFirstByte(firstByteDelay);
			}
			else {
				setExternalStall(baseUrl, firstByteDelay);
			}
			run(requests, baseUrl, apiKey, inJvm == null, firstByteDelay);
		}
		finally {
			if (inJvm != null) {
				inJvm.close();
			}
		}
	}

	private static void run(int requests, URI baseUrl, String apiKey, boolean clientOnly, Duration firstByteDelay)
			throws Exception {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		DeepSeekChatModel model = DeepSeekChatModel.builder()
			.remote(baseUrl.toString(), apiKey)
			.defaultOptions(DeepSeekChatOptions.builder().model("deepseek-flash").thinking(false).build())
			.build();
		Prompt prompt = new Prompt(QUESTION);
		HttpRequest raw = rawRequest(baseUrl, apiKey, false);
		HttpRequest rawStream = rawRequest(baseUrl, apiKey, true);
		AtomicLong tokens = new AtomicLong();

		ConcurrentRunner.Action rawCall = () -> http.send(raw, HttpResponse.BodyHandlers.ofString()).body();
		ConcurrentRunner.Action modelCall = () -> model.call(prompt);
		ConcurrentRunner.TimedAction rawStreamed = () -> rawFirstToken(http, rawStream, tokens);
		ConcurrentRunner.TimedAction modelStreamed = () -> modelFirstToken(model, prompt);

		System.out.println("Warming up...");
		int warmUp = Math.min(requests, 2000);
		int warmUpConcurrency = firstByteDelay.isZero() ? 8 : 64;
		ConcurrentRunner.measure(warmUpConcurrency, warmUp, rawCall);
		ConcurrentRunner.measure(warmUpConcurrency, warmUp, modelCall);
		ConcurrentRunner.measureTimed(warmUpConcurrency, warmUp, rawStreamed);
		ConcurrentRunner.measureTimed(warmUpConcurrency, warmUp, modelStreamed);
		long tokensPerStream = Math.max(1, tokens.get() / warmUp);

		System.out.printf("Simulator %s, first byte after %d ms, %d requests per cell, %d tokens per stream%n",
				clientOnly ? "in another process" : "in this JVM", firstByteDelay.toMillis(), requests,
				tokensPerStream);
		System.out.println("| measure | concurrency | raw HttpClient | DeepSeekChatModel | added p50 | added p99 |");
		System.out.println("|---|---|---|---|---|---|");
		StringBuilder costs = new StringBuilder();
		for (String level : System.getProperty("benchmark.concurrency", "1,64").split(",")) {
			int concurrency = Integer.parseInt(level.trim());
			report("call()", concurrency, ConcurrentRunner.measure(concurrency, requests, rawCall),
					ConcurrentRunner.measure(concurrency, requests, modelCall));
			Cost rawCost = Cost.start();
			LatencyStats rawTtft = ConcurrentRunner.measureTimed(concurrency, requests, rawStreamed);
			rawCost = rawCost.stop(requests);
			Cost modelCost = Cost.start();
			LatencyStats modelTtft = ConcurrentRunner.measureTimed(concurrency, requests, modelStreamed);
			modelCost = modelCost.stop(requests);
			report("stream() first token", concurrency, rawTtft, modelTtft);
			costs.append(String.format("| %d | %.0f / %.0f µs | %.1f / %.1f KB | %.0f B |%n", concurrency,
					rawCost.cpuMicros(), modelCost.cpuMicros(), rawCost.kilobytes(), modelCost.kilobytes(),
					(modelCost.bytes() - rawCost.bytes()) / (double) tokensPerStream));
		}
		System.out.println();
		System.out.println("Per streamed request (" + (clientOnly ? "client process only" : "client and simulator")
				+ "), read to the end:");
		System.out.println("| concurrency | CPU raw / model | allocated raw / model | model's extra allocation per token |");
		System.out.println("|---|---|---|---|");
		System.out.print(costs);
	}

	/** Reads the whole stream; returns the time to the first line carrying content. */
	private static long rawFirstToken(HttpClient http, HttpRequest request, AtomicLong tokens) throws Exception {
		long start = System.nanoTime();
		long first = 0;
		try (Stream<String> lines = http.send(request, HttpResponse.BodyHandlers.ofLines()).body()) {
			for (Iterator<String> it = lines.iterator(); it.hasNext();) {
				String line = it.next();
				if (line.startsWith("data: ") && line.contains("\"content\":\"") && !line.contains("\"content\":\"\"")) {
					tokens.incrementAndGet();
					if (first == 0) {
						first = System.nanoTime() - start;
					}
				}
			}
		}
		return first;
	}

	/** Reads the whole stream; returns the time to the first response. */
	private static long modelFirstToken(DeepSeekChatModel model, Prompt prompt) {
		long start = System.nanoTime();
		long[] first = { 0 };
		model.stream(prompt).doOnNext((ChatResponse response) -> {
			if (first[0] == 0) {
				first[0] = System.nanoTime() - start;
			}
		}).blockLast();
		return first[0];
	}

	private static void setExternalStall(URI baseUrl, Duration delay) throws Exception {
		String body = "{\"clear\":true,\"stallBeforeFirstByteMillis\":" + delay.toMillis() + "}";
		HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/__faults"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("the simulator refused the fault settings: " + response.body());
		}
	}

	private static HttpRequest rawRequest(URI baseUrl, String apiKey, boolean stream) {
		String body = """
				{"model":"deepseek-flash","thinking":{"type":"disabled"},"stream":%s,
				 "messages":[{"role":"user","content":"%s"}]}""".formatted(stream, QUESTION);
		return HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
			.header("Authorization", "Bearer " + apiKey)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private static void report(String measure, int concurrency, LatencyStats raw, LatencyStats ours) {
		System.out.printf("| %s | %d | %s | %s | %.3f ms | %.3f ms |%n", measure, concurrency, raw.summary(),
				ours.summary(), ours.percentileMillis(50) - raw.percentileMillis(50),
				ours.percentileMillis(99) - raw.percentileMillis(99));
	}

	/** Process CPU time and heap allocation over a measured cell, per request. */
	private record Cost(long cpuNanos, long bytes) {

		static Cost start() {
			return new Cost(OS.getProcessCpuTime(), THREADS.getTotalThreadAllocatedBytes());
		}

		Cost stop(int requests) {
			return new Cost((OS.getProcessCpuTime() - this.cpuNanos) / requests,
					(THREADS.getTotalThreadAllocatedBytes() - this.bytes) / requests);
		}

		double cpuMicros() {
			return this.cpuNanos / 1_000.0;
		}

		double kilobytes() {
			return this.bytes / 1024.0;
		}

	}

}
