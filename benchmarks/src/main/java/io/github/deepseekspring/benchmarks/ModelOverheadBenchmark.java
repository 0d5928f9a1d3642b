package io.github.deepseekspring.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;

import org.springframework.ai.chat.prompt.Prompt;

/**
 * What {@link DeepSeekChatModel} adds to a call, measured against a raw JDK {@link HttpClient} sending the same
 * request to the same in-JVM DeepSeek simulator in the same run: latency of a whole call and time to first token of
 * a stream, at concurrency 1 and 64.
 *
 * <p>Run: {@code mvn -q -pl benchmarks -am -DskipTests install && mvn -q -pl benchmarks exec:java}
 * (optional {@code -Dbenchmark.requests=4000}).
 */
public final class ModelOverheadBenchmark {

	private static final String QUESTION = "What is the warranty period of the YF-AX3000 router?";

	private ModelOverheadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int requests = Integer.getInteger("benchmark.requests", 3000);
		try (DeepSeekSimulator simulator = DeepSeekSimulator.start()) {
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			DeepSeekChatModel model = DeepSeekChatModel.builder()
				.remote(simulator.baseUrl().toString(), simulator.apiKey())
				.defaultOptions(DeepSeekChatOptions.builder().model("deepseek-flash").thinking(false).build())
				.build();
			Prompt prompt = new Prompt(QUESTION);
			HttpRequest raw = rawRequest(simulator, false);
			HttpRequest rawStream = rawRequest(simulator, true);

			ConcurrentRunner.Action rawCall = () -> http.send(raw, HttpResponse.BodyHandlers.ofString()).body();
			ConcurrentRunner.Action modelCall = () -> model.call(prompt);
			ConcurrentRunner.Action rawFirstToken = () -> firstContentLine(http.send(rawStream,
					HttpResponse.BodyHandlers.ofLines()).body());
			ConcurrentRunner.Action modelFirstToken = () -> model.stream(prompt).blockFirst();

			System.out.println("Warming up...");
			for (ConcurrentRunner.Action action : new ConcurrentRunner.Action[] { rawCall, modelCall, rawFirstToken,
					modelFirstToken }) {
				ConcurrentRunner.measure(8, Math.min(requests, 2000), action);
			}
			System.out.println("| measure | concurrency | raw HttpClient | DeepSeekChatModel | added p50 | added p99 |");
			System.out.println("|---|---|---|---|---|---|");
			for (int concurrency : new int[] { 1, 64 }) {
				report("call()", concurrency, ConcurrentRunner.measure(concurrency, requests, rawCall),
						ConcurrentRunner.measure(concurrency, requests, modelCall));
				report("stream() first token", concurrency,
						ConcurrentRunner.measure(concurrency, requests, rawFirstToken),
						ConcurrentRunner.measure(concurrency, requests, modelFirstToken));
			}
		}
	}

	private static HttpRequest rawRequest(DeepSeekSimulator simulator, boolean stream) {
		String body = """
				{"model":"deepseek-flash","thinking":{"type":"disabled"},"stream":%s,
				 "messages":[{"role":"user","content":"%s"}]}""".formatted(stream, QUESTION);
		return HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/chat/completions"))
			.header("Authorization", "Bearer " + simulator.apiKey())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private static String firstContentLine(Stream<String> lines) {
		try (lines) {
			return lines.filter((line) -> line.startsWith("data: ") && line.contains("\"content\""))
				.findFirst()
				.orElseThrow();
		}
	}

	private static void report(String measure, int concurrency, LatencyStats raw, LatencyStats ours) {
		System.out.printf("| %s | %d | %s | %s | %.3f ms | %.3f ms |%n", measure, concurrency, raw.summary(),
				ours.summary(), ours.percentileMillis(50) - raw.percentileMillis(50),
				ours.percentileMillis(99) - raw.percentileMillis(99));
	}

}
