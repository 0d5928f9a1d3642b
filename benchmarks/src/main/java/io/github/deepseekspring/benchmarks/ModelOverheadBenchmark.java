package io.github.deepseekspring.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import io.github.deepseekspring.autoconfigure.DeepSeekAutoConfiguration;
import io.github.deepseekspring.benchmarks.overhead.ChatClientBaseline;
import io.github.deepseekspring.benchmarks.overhead.MeteredObservations;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What the DeepSeek starter adds to a call, against a raw JDK {@link HttpClient} sending the same request to the same
 * DeepSeek simulator, and beside it what other starters add ({@link ChatClientBaseline}s on the class path: Spring AI's
 * OpenAI starter from the {@code benchmarks-spring-ai} module), in one run: the clients take turns request by request
 * on every worker, so they meet the same load. Ours is the starter as an application gets it (its auto-configuration)
 * with routing, circuit breakers, metrics and observations (a Micrometer registry) and privacy masking on; every
 * client goes through Spring AI's {@code ChatClient} ({@code call()}, and {@code stream()} timed to the first token and
 * read to its end). Requests ask for a non-thinking answer.
 *
 * <pre>
 * java -jar testkit/target/deepseek-testkit-0.1.0-SNAPSHOT-simulators.jar --deepseek-port 18081 &amp;
 * java -cp "$(cat benchmarks-spring-ai/target/bench.cp):benchmarks-spring-ai/target/classes" \
 *     -Dbenchmark.simulator=http://127.0.0.1:18081 io.github.deepseekspring.benchmarks.ModelOverheadBenchmark
 * </pre>
 * Options: {@code -Dbenchmark.requests=2000} per client and cell; {@code -Dbenchmark.concurrency=1,16,64};
 * {@code -Dbenchmark.ttft-ms=200} makes the simulator wait before its first byte, as the real API does (then 64
 * streams do not saturate the CPU, and the figures show the clients' own cost rather than queueing). Without
 * {@code benchmark.simulator} the simulator runs in this JVM.
 */
public final class ModelOverheadBenchmark {

	private static final String QUESTION = "What is the warranty period of the YF-AX3000 router?";

	private static final String MODEL = "deepseek-flash";

	private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
		.getOperatingSystemMXBean();

	private ModelOverheadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int requests = Integer.getInteger("benchmark.requests", 2000);
		Duration firstByteDelay = Duration.ofMillis(Long.getLong("benchmark.ttft-ms", 0));
		String external = System.getProperty("benchmark.simulator");
		DeepSeekSimulator inJvm = (external == null) ? DeepSeekSimulator.start() : null;
		URI baseUrl = (inJvm != null) ? inJvm.baseUrl() : URI.create(external);
		String apiKey = (inJvm != null) ? inJvm.apiKey() : DeepSeekSimulator.DEFAULT_API_KEY;
		setFaults(baseUrl, firstByteDelay);
		List<Client> clients = new ArrayList<>();
		List<AutoCloseable> started = new ArrayList<>();
		try {
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			clients.add(Client.raw(http, baseUrl, apiKey));
			ConfigurableApplicationContext ours = startOurs(baseUrl, apiKey);
			started.add(ours);
			clients.add(Client.of("DeepSeek starter", ours.getBean(ChatClient.class)));
			for (ChatClientBaseline baseline : ServiceLoader.load(ChatClientBaseline.class)) {
				started.add(baseline);
				clients.add(Client.of(baseline.name(), baseline.start(baseUrl, apiKey, MODEL)));
			}
			run(clients, requests, firstByteDelay, inJvm == null);
		}
		finally {
			for (AutoCloseable closeable : started) {
				closeable.close();
			}
			if (inJvm != null) {
				inJvm.close();
			}
		}
	}

	private static void run(List<Client> clients, int requests, Duration firstByteDelay, boolean clientOnly)
			throws Exception {
		System.out.println("Warming up...");
		int warmUp = Math.min(requests, 1500) * clients.size();
		int warmUpConcurrency = firstByteDelay.isZero() ? 8 : 64;
		Interleaved.run(clients, warmUpConcurrency, warmUp, false);
		Interleaved.run(clients, warmUpConcurrency, warmUp, true);
		System.out.printf("Simulator %s, first byte after %d ms, %d requests per client and cell, clients in turn%n",
				clientOnly ? "in another process" : "in this JVM", firstByteDelay.toMillis(), requests);
		StringBuilder header = new StringBuilder("| measure | concurrency | raw HttpClient p50 / p99 |");
		StringBuilder rule = new StringBuilder("|---|---|---|");
		for (Client client : clients.subList(1, clients.size())) {
			header.append(' ').append(client.name()).append(" p50 / p99 | added p50 / p99 |");
			rule.append("---|---|");
		}
		System.out.println(header);
		System.out.println(rule);
		for (String level : System.getProperty("benchmark.concurrency", "1,16,64").split(",")) {
			int concurrency = Integer.parseInt(level.strip());
			for (boolean stream : new boolean[] { false, true }) {
				List<LatencyStats> stats = Interleaved.run(clients, concurrency, requests * clients.size(), stream);
				report(stream ? "stream() first token" : "call()", concurrency, stats);
			}
		}
		System.out.println();
		System.out.println("CPU of this JVM per request" + (clientOnly ? "" : " (the simulator's included)")
				+ ", each client alone in a block of " + requests + " requests from 8 workers:");
		System.out.println("| client | call() | stream() read to its end |");
		System.out.println("|---|---|---|");
		for (Client client : clients) {
			System.out.printf("| %s | %.0f µs | %.0f µs |%n", client.name(), cpuMicros(client, requests, false),
					cpuMicros(client, requests, true));
		}
	}

	private static double cpuMicros(Client client, int requests, boolean stream) throws InterruptedException {
		long before = OS.getProcessCpuTime();
		Interleaved.run(List.of(client), 8, requests, stream);
		return (OS.getProcessCpuTime() - before) / 1_000.0 / requests;
	}

	private static void report(String measure, int concurrency, List<LatencyStats> stats) {
		LatencyStats raw = stats.get(0);
		StringBuilder row = new StringBuilder(String.format("| %s | %d | %.3f / %.3f ms |", measure, concurrency,
				raw.percentileMillis(50), raw.percentileMillis(99)));
		for (LatencyStats client : stats.subList(1, stats.size())) {
			row.append(String.format(" %.3f / %.3f ms | %+.3f / %+.3f ms |", client.percentileMillis(50),
					client.percentileMillis(99), client.percentileMillis(50) - raw.percentileMillis(50),
					client.percentileMillis(99) - raw.percentileMillis(99)));
		}
		System.out.println(row);
	}

	/** Our starter as an application gets it, with routing, breakers, metrics and privacy masking on. */
	private static ConfigurableApplicationContext startOurs(URI baseUrl, String apiKey) {
		return new SpringApplicationBuilder(OurStarter.class).web(WebApplicationType.NONE)
			.properties(Map.of("deepseek.base-url", baseUrl.toString(), "deepseek.api-key", apiKey,
					"deepseek.chat.model", MODEL, "deepseek.chat.thinking", "disabled", "deepseek.privacy.mode", "mask",
					"deepseek.routing.mode", "remote", "deepseek.retry.max-attempts", "1", "spring.main.banner-mode",
					"off", "logging.level.root", "WARN"))
			.run();
	}

	private static void setFaults(URI baseUrl, Duration firstByteDelay) throws Exception {
		String body = "{\"clear\":true,\"stallBeforeFirstByteMillis\":" + firstByteDelay.toMillis() + "}";
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(baseUrl.resolve("/__faults"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("the simulator refused the fault settings: " + response.body());
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DeepSeekAutoConfiguration.class,
			org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration.class })
	@Import(MeteredObservations.class)
	static class OurStarter {

		@Bean
		ChatClient chatClient(ChatModel model, ObservationRegistry observations) {
			return ChatClient.builder(model, observations, null, null).build();
		}

	}

	/** One way of asking: a whole call and a stream timed to its first token, each returning its latency. */
	record Client(String name, Interleaved.Timed call, Interleaved.Timed stream) {

		static Client of(String name, ChatClient chat) {
			return new Client(name, () -> {
				long start = System.nanoTime();
				chat.prompt(QUESTION).call().content();
				return System.nanoTime() - start;
			}, () -> {
				long start = System.nanoTime();
				long[] first = { 0 };
				chat.prompt(QUESTION).stream().content().doOnNext((token) -> {
					if (first[0] == 0 && !token.isEmpty()) {
						first[0] = System.nanoTime() - start;
					}
				}).blockLast();
				return first[0];
			});
		}

		static Client raw(HttpClient http, URI baseUrl, String apiKey) {
			HttpRequest call = rawRequest(baseUrl, apiKey, false);
			HttpRequest stream = rawRequest(baseUrl, apiKey, true);
			return new Client("raw HttpClient", () -> {
				long start = System.nanoTime();
				http.send(call, HttpResponse.BodyHandlers.ofString()).body();
				return System.nanoTime() - start;
			}, () -> rawFirstToken(http, stream));
		}

		/** Reads the whole stream; returns the time to the first line carrying content. */
		private static long rawFirstToken(HttpClient http, HttpRequest request) throws Exception {
			long start = System.nanoTime();
			long first = 0;
			try (Stream<String> lines = http.send(request, HttpResponse.BodyHandlers.ofLines()).body()) {
				for (Iterator<String> it = lines.iterator(); it.hasNext();) {
					String line = it.next();
					if (first == 0 && line.startsWith("data: ") && line.contains("\"content\":\"")
							&& !line.contains("\"content\":\"\"")) {
						first = System.nanoTime() - start;
					}
				}
			}
			return first;
		}

		private static HttpRequest rawRequest(URI baseUrl, String apiKey, boolean stream) {
			String body = """
					{"model":"%s","thinking":{"type":"disabled"},"stream":%s,
					 "messages":[{"role":"user","content":"%s"}]}""".formatted(MODEL, stream, QUESTION);
			return HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
				.header("Authorization", "Bearer " + apiKey)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
		}

	}

}
