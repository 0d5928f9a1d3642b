package io.github.deepseekspring.benchmarks;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On-demand load test of the customer chat (issue #10): {@code load.chats} concurrent customers, each streaming
 * questions from {@code /api/chat/stream} and rating every answer, against the app started in this JVM on the DeepSeek
 * simulator, which streams at {@code load.tokens-per-second} per answer. Every {@code load.fault-every} a fault is
 * injected into the simulator for a few seconds, in turn: 503s, 429s, streams cut after a few chunks, the API down,
 * a stall before the first byte. Reports chats, time to the first streamed token (reasoning or answer; the app
 * streams the model's reasoning first when thinking is on) and to the first answer token, streams interrupted with an {@code error} event (the cut fault's
 * designed outcome: "please try again"), errors (non-200, no {@code done}, an exception), p50/p99
 * time to the first token, heap, and whether every acknowledged rating (204) is a row in the database.
 *
 * <pre>
 * mvn -q -pl benchmarks exec:java -Dbenchmark.main=io.github.deepseekspring.benchmarks.ChatLoadBenchmark \
 *     -Dload.chats=50 -Dload.duration=60s
 * </pre>
 */
public final class ChatLoadBenchmark {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String QUESTION = "YF-AX3000 保修多久？";

	private ChatLoadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int chats = Integer.getInteger("load.chats", 50);
		Duration duration = Duration.parse("PT" + System.getProperty("load.duration", "60s").toUpperCase());
		Duration faultEvery = Duration.parse("PT" + System.getProperty("load.fault-every", "30s").toUpperCase());
		int tokensPerSecond = Integer.getInteger("load.tokens-per-second", 50);
		int answerTokens = Integer.getInteger("load.answer-tokens", 60);
		Path dataDir = Files.createTempDirectory("chat-load-benchmark");
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

		try (DeepSeekSimulator simulator = DeepSeekSimulator.start();
				ConfigurableApplicationContext app = startApp(simulator, dataDir)) {
			String answer = "主机保修两年 [1]。" + "保修期内免费维修更换，".repeat(Math.max(1, answerTokens / 8));
			simulator.onUserMessage("YF-AX3000 保修多久", ScriptedReply.text(answer));
			Duration tokenDelay = Duration.ofMillis(1000 / tokensPerSecond);
			simulator.faults().tokenDelay(tokenDelay);
			String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
			System.out.printf("chat load: %d concurrent streaming chats for %s, %d tokens/s, fault every %s%n", chats,
					duration, tokensPerSecond, faultEvery);

			Counters counters = new Counters();
			long deadline = System.nanoTime() + duration.toNanos();
			Thread faults = Thread.ofPlatform().daemon().start(() -> injectFaults(simulator, faultEvery, tokenDelay, deadline));
			Thread heap = Thread.ofPlatform().daemon().start(() -> {
				while (System.nanoTime() < deadline) {
					counters.maxHeap.accumulate(memory.getHeapMemoryUsage().getUsed());
					sleep(Duration.ofMillis(500));
				}
			});
			try (ExecutorService customers = Executors.newVirtualThreadPerTaskExecutor()) {
				for (int i = 0; i < chats; i++) {
					customers.submit(() -> customer(base, deadline, counters));
				}
			}
			faults.interrupt();
			heap.join();
			simulator.faults().clear();
			long stored = app.getBean(JdbcClient.class).sql("select count(*) from feedback").query(Long.class).single();
			System.gc();
			report(counters, stored, memory.getHeapMemoryUsage().getUsed());
		}
	}

	private static void customer(String base, long deadline, Counters counters) {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		while (System.nanoTime() < deadline) {
			long start = System.nanoTime();
			try {
				HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(base + "/api/chat/stream"))
					.header("Content-Type", "application/json")
					.header("Accept", "text/event-stream")
					.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("message", QUESTION))))
					.build(), HttpResponse.BodyHandlers.ofInputStream());
				if (response.statusCode() != 200) {
					response.body().close();
					counters.error("status " + response.statusCode());
					continue;
				}
				Stream stream = read(response.body(), start);
				if (stream.firstEventNanos > 0) {
					counters.firstEvent.add(stream.firstEventNanos);
				}
				if (stream.firstTokenNanos > 0) {
					counters.firstToken.add(stream.firstTokenNanos);
					counters.firstTokenByMode.computeIfAbsent(String.valueOf(stream.mode), (k) -> new ConcurrentLinkedQueue<>())
						.add(stream.firstTokenNanos);
				}
				if (stream.error) {
					// The stream was cut after tokens were shown: the customer got a clear "please try again".
					counters.interrupted.incrementAndGet();
					continue;
				}
				if (!stream.done) {
					counters.error("no done event");
					continue;
				}
				counters.chats.incrementAndGet();
				counters.mode(stream.mode);
				rate(client, base, stream, counters);
			}
			catch (Exception ex) {
				counters.error(ex.getClass().getSimpleName());
			}
		}
	}

	private static void rate(HttpClient client, String base, Stream stream, Counters counters) throws Exception {
		String body = json.writeValueAsString(Map.of("messageId", stream.messageId, "rating", "up"));
		for (int attempt = 0; attempt < 3; attempt++) {
			HttpResponse<String> response = client.send(
					HttpRequest.newBuilder(URI.create(base + "/api/chat/" + stream.conversationId + "/feedback"))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString(body))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 204) {
				counters.feedbackAcknowledged.incrementAndGet();
				return;
			}
			if (response.statusCode() != 503) {
				counters.error("feedback status " + response.statusCode());
				return;
			}
			counters.feedbackRetries.incrementAndGet();
			sleep(Duration.ofSeconds(1));
		}
		counters.error("feedback refused 3 times");
	}

	private static Stream read(InputStream body, long start) throws Exception {
		Stream stream = new Stream();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
			String event = null;
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith("event:")) {
					event = line.substring(6).strip();
				}
				else if (line.startsWith("data:") && event != null) {
					JsonNode data = json.readTree(line.substring(5).strip());
					switch (event) {
						case "meta" -> {
							stream.conversationId = data.path("conversationId").asString();
							stream.messageId = data.path("messageId").asString();
						}
						case "reasoning" -> {
							if (stream.firstEventNanos == 0) {
								stream.firstEventNanos = System.nanoTime() - start;
							}
						}
						case "token" -> {
							if (stream.firstEventNanos == 0) {
								stream.firstEventNanos = System.nanoTime() - start;
							}
							if (stream.firstTokenNanos == 0) {
								stream.firstTokenNanos = System.nanoTime() - start;
							}
						}
						case "done" -> {
							stream.done = true;
							stream.mode = data.path("mode").asString();
						}
						case "error" -> stream.error = true;
						default -> {
						}
					}
				}
			}
		}
		return stream;
	}

	/** Faults in turn, each for a few seconds, every {@code every}. */
	private static void injectFaults(DeepSeekSimulator simulator, Duration every, Duration tokenDelay, long deadline) {
		String[] kinds = { "503", "429", "cut", "down", "stall" };
		int next = 0;
		while (System.nanoTime() + every.toNanos() < deadline) {
			if (!sleep(every)) {
				return;
			}
			String kind = kinds[next++ % kinds.length];
			System.out.printf("fault: %s%n", kind);
			switch (kind) {
				case "503" -> simulator.faults().failNext(200, 503);
				case "429" -> simulator.faults().failNext(200, 429, Duration.ofSeconds(1));
				case "cut" -> simulator.faults().cutAfterChunks(5);
				case "down" -> simulator.faults().down();
				default -> simulator.faults().stallBeforeFirstByte(Duration.ofSeconds(3));
			}
			boolean interrupted = !sleep(Duration.ofSeconds(5));
			simulator.faults().up();
			simulator.faults().clear();
			simulator.faults().tokenDelay(tokenDelay);
			if (interrupted) {
				return;
			}
		}
	}

	private static void report(Counters counters, long storedFeedback, long heapAfterGc) {
		long[] firstTokens = counters.firstToken.stream().mapToLong(Long::longValue).toArray();
		LatencyStats ttft = LatencyStats.of(firstTokens.length > 0 ? firstTokens : new long[] { 0 });
		System.out.printf("chats completed: %d, interrupted with an error event: %d, errors: %d %s%n",
				counters.chats.get(), counters.interrupted.get(), counters.errors.get(), counters.errorKinds);
		System.out.printf("answer modes: %s%n", counters.modes);
		long[] firstEvents = counters.firstEvent.stream().mapToLong(Long::longValue).toArray();
		LatencyStats visible = LatencyStats.of(firstEvents.length > 0 ? firstEvents : new long[] { 0 });
		System.out.printf("time to first token (reasoning or answer): p50 %.0f ms, p99 %.0f ms (n=%d)%n",
				visible.percentileMillis(50), visible.percentileMillis(99), firstEvents.length);
		System.out.printf("time to first answer token: p50 %.0f ms, p99 %.0f ms (n=%d)%n", ttft.percentileMillis(50),
				ttft.percentileMillis(99), firstTokens.length);
		counters.firstTokenByMode.forEach((mode, nanos) -> {
			LatencyStats stats = LatencyStats.of(nanos.stream().mapToLong(Long::longValue).toArray());
			System.out.printf("  %s: p50 %.0f ms, p99 %.0f ms (n=%d)%n", mode, stats.percentileMillis(50),
					stats.percentileMillis(99), nanos.size());
		});
		System.out.printf("heap: max used %d MiB during the run, %d MiB after GC at the end%n",
				counters.maxHeap.get() >> 20, heapAfterGc >> 20);
		long acknowledged = counters.feedbackAcknowledged.get();
		System.out.printf("feedback: %d acknowledged (204), %d rows stored, %d lost, %d retried after 503%n",
				acknowledged, storedFeedback, Math.max(0, acknowledged - storedFeedback), counters.feedbackRetries.get());
		if (storedFeedback < acknowledged) {
			throw new IllegalStateException("acknowledged feedback was lost");
		}
	}

	private static ConfigurableApplicationContext startApp(DeepSeekSimulator simulator, Path dataDir) {
		// load.limits=true measures the per-client rate limit and the model-call cap instead of the chat.
		return InProcessApp.start(simulator, "chat-load-benchmark", dataDir,
				Map.of("deepseek.rag.limits.enabled", System.getProperty("load.limits", "false")));
	}

	private static boolean sleep(Duration duration) {
		try {
			Thread.sleep(duration);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static final class Stream {

		String conversationId;

		String messageId;

		long firstEventNanos;

		long firstTokenNanos;

		boolean done;

		boolean error;

		String mode;

	}

	private static final class Counters {

		final AtomicLong chats = new AtomicLong();

		final AtomicLong errors = new AtomicLong();

		final AtomicLong interrupted = new AtomicLong();

		final Map<String, AtomicLong> errorKinds = new java.util.concurrent.ConcurrentSkipListMap<>();

		final Map<String, AtomicLong> modes = new java.util.concurrent.ConcurrentSkipListMap<>();

		final ConcurrentLinkedQueue<Long> firstEvent = new ConcurrentLinkedQueue<>();

		final ConcurrentLinkedQueue<Long> firstToken = new ConcurrentLinkedQueue<>();

		final Map<String, ConcurrentLinkedQueue<Long>> firstTokenByMode = new java.util.concurrent.ConcurrentSkipListMap<>();

		final AtomicLong feedbackAcknowledged = new AtomicLong();

		final AtomicLong feedbackRetries = new AtomicLong();

		final LongAccumulator maxHeap = new LongAccumulator(Math::max, 0);

		void error(String kind) {
			this.errors.incrementAndGet();
			this.errorKinds.computeIfAbsent(kind, (k) -> new AtomicLong()).incrementAndGet();
		}

		void mode(String mode) {
			this.modes.computeIfAbsent(String.valueOf(mode), (k) -> new AtomicLong()).incrementAndGet();
		}

	}

}
