package io.github.deepseekspring.benchmarks.load;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.DoubleAccumulator;

import io.github.deepseekspring.testkit.RecordedRequest;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;

/**
 * On-demand load test of the customer chat at scale (issue #23): for each count in {@code load.customers}, that many
 * customers stream answers back to back from one app instance (its own JVM, {@code -Xmx1g}, limits on with their
 * defaults), against the DeepSeek simulator pacing like the real API: first token after {@code load.first-token-ms},
 * {@code load.tokens-per-second}, {@code load.reasoning-tokens} of reasoning and {@code load.answer-tokens} of answer.
 * Customers arrive evenly over {@code load.ramp}; streams asked for in the following {@code load.hold} count. In the
 * same run, {@code load.direct} clients send the app's own model request straight to the simulator: their time to
 * the first answer token is the simulator's own, and the app's added time is the difference. Reports errors, time to
 * the first answer token (app, simulator, added), and the app's heap, threads and CPU.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/bench.cp
 * java -cp "$(cat benchmarks/target/bench.cp):benchmarks/target/classes" \
 *     io.github.deepseekspring.benchmarks.load.ConcurrentChatsBenchmark -Dload.customers=250,500,1000,2000
 * </pre>
 * {@code -Dload.jfr=target/chat-load.jfr} records the app with Java Flight Recorder (profile settings) during the
 * hold; {@code -Dload.compression=true} first reports the bytes of the chat page and the knowledge-base listing
 * without and with gzip.
 */
public final class ConcurrentChatsBenchmark {

	private ConcurrentChatsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int[] counts = Arrays.stream(System.getProperty("load.customers", "250").split(","))
			.mapToInt((count) -> Integer.parseInt(count.strip()))
			.toArray();
		Duration ramp = duration("load.ramp", "60s");
		Duration hold = duration("load.hold", "60s");
		Path jar = Path.of(System.getProperty("load.app-jar", "rag-app/target/deepseek-rag-app-0.1.0-SNAPSHOT.jar"));
		try (DeepSeekSimulator simulator = DeepSeekSimulator.start()) {
			pace(simulator);
			for (int count : counts) {
				run(simulator, jar, count, ramp, hold);
			}
		}
	}

	private static void pace(DeepSeekSimulator simulator) {
		int reasoningTokens = Integer.getInteger("load.reasoning-tokens", 100);
		int answerTokens = Integer.getInteger("load.answer-tokens", 300);
		// CJK characters are a token each in the simulator's count.
		String reasoning = "先核对检索到的段落，再确认型号与保修条款。".repeat(reasoningTokens / 20 + 1).substring(0, reasoningTokens);
		String answer = ("根据资料 [1]，" + "该产品在保修期内可免费维修或更换，请保留购买凭证并联系客服办理。".repeat(answerTokens / 30 + 1))
			.substring(0, answerTokens);
		simulator.onUserMessage("", ScriptedReply.text(answer).withReasoning(reasoning));
		simulator.onUserMessage("Latest question:", ScriptedReply
			.text("{\"standalone\": \"YF-BE7200 保修多久？\", \"translation\": \"How long is the YF-BE7200 warranty?\"}"));
		simulator.faults()
			.pace(Duration.ofMillis(Long.getLong("load.first-token-ms", 1000)),
					Double.parseDouble(System.getProperty("load.tokens-per-second", "30")));
	}

	private static void run(DeepSeekSimulator simulator, Path jar, int customers, Duration ramp, Duration hold)
			throws Exception {
		Path dataDir = Files.createTempDirectory("chat-load-" + customers + "-");
		List<String> jvm = new ArrayList<>(List.of("-Xmx" + System.getProperty("load.xmx", "1g")));
		jvm.addAll(Arrays.stream(System.getProperty("load.jvm", "").split(" ")).filter((o) -> !o.isBlank()).toList());
		String jfr = System.getProperty("load.jfr");
		List<String> properties = new ArrayList<>(List.of("deepseek.base-url=" + simulator.baseUrl(),
				"deepseek.api-key=" + simulator.apiKey(), "deepseek.rag.store=lucene",
				"deepseek.rag.data-dir=" + dataDir, "server.forward-headers-strategy=native",
				"logging.level.root=WARN"));
		properties.addAll(Arrays.asList(System.getProperty("load.app-properties", "").split(",")).stream()
			.filter((property) -> !property.isBlank())
			.toList());
		System.out.printf("%n== %d customers, ramp %s, hold %s; app %s%n", customers, ramp, hold, jvm);
		try (AppUnderLoad app = AppUnderLoad.start(jar, jvm, properties, dataDir.resolve("app.log"))) {
			if (Boolean.getBoolean("load.compression")) {
				System.out.print(app.compression());
			}
			URI stream = app.uri("/api/chat/stream");
			String modelRequest = warmUp(simulator, stream);
			ChatCustomers chats = new ChatCustomers();
			ChatCustomers direct = new ChatCustomers();
			int directClients = Integer.getInteger("load.direct", Math.max(8, customers / 20));
			long start = System.nanoTime();
			long holdStart = start + ramp.toNanos();
			long deadline = holdStart + hold.toNanos();
			Sampler sampler = new Sampler(app, chats, simulator, holdStart, deadline);
			Thread sampling = Thread.ofPlatform().daemon().start(sampler);
			if (jfr != null) {
				Thread.ofVirtual().start(() -> recordDuringHold(app, Path.of(jfr.replace(".jfr", "-" + customers + ".jfr")),
						holdStart, hold));
			}
			try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
				URI completions = URI.create(simulator.baseUrl() + "/chat/completions");
				for (int i = 0; i < directClients; i++) {
					threads.execute(() -> direct.direct(completions, simulator.apiKey(), modelRequest, deadline));
				}
				for (int i = 0; i < customers; i++) {
					long arrival = start + ramp.toNanos() * i / customers;
					Thread.sleep(Duration.ofNanos(Math.max(0, arrival - System.nanoTime())));
					int customer = i;
					threads.execute(() -> chats.chat(stream, customer + 1, deadline));
				}
			}
			sampler.stop.set(true);
			sampling.join();
			LoadReport.print(customers, directClients, chats.samples(), direct.samples(), holdStart, deadline,
					sampler);
		}
	}

	private static void recordDuringHold(AppUnderLoad app, Path file, long holdStart, Duration hold) {
		try {
			Thread.sleep(Duration.ofNanos(Math.max(0, holdStart - System.nanoTime())));
			app.record(file.toAbsolutePath(), hold);
		}
		catch (Exception ex) {
			System.out.println("no flight recording: " + ex);
		}
	}

	/** A few answers before measuring (class loading, JIT); returns the request the app sent the model. */
	private static String warmUp(DeepSeekSimulator simulator, URI stream) throws InterruptedException {
		ChatCustomers warmUp = new ChatCustomers();
		long deadline = System.nanoTime() + duration("load.warm-up", "20s").toNanos();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 20; i++) {
				int customer = 60_000 + i;
				threads.execute(() -> warmUp.chat(stream, customer, deadline));
			}
		}
		long failed = warmUp.samples().stream().filter((sample) -> !sample.ok()).count();
		System.out.printf("warm-up: %d answers, %d failed%n", warmUp.samples().size(), failed);
		return simulator.requests()
			.all()
			.stream()
			.filter((request) -> request.path().equals("/chat/completions") && request.body().contains("\"stream\":true"))
			.reduce((first, second) -> second)
			.map(RecordedRequest::body)
			.orElseThrow(() -> new IllegalStateException("the app sent the model no streamed request"));
	}

	private static Duration duration(String property, String defaultValue) {
		return Duration.parse("PT" + System.getProperty(property, defaultValue).toUpperCase());
	}

	/** Samples the app every 2 s: heap, threads, streams in flight, and its CPU during the hold. */
	static final class Sampler implements Runnable {

		final AtomicBoolean stop = new AtomicBoolean();

		final DoubleAccumulator maxHeap = new DoubleAccumulator(Math::max, 0);

		final DoubleAccumulator maxThreads = new DoubleAccumulator(Math::max, 0);

		final DoubleAccumulator maxStreams = new DoubleAccumulator(Math::max, 0);

		private final AppUnderLoad app;

		private final ChatCustomers chats;

		private final DeepSeekSimulator simulator;

		private final long holdStart;

		private final long deadline;

		Duration holdCpu = Duration.ZERO;

		double heapAfterRun = Double.NaN;

		Sampler(AppUnderLoad app, ChatCustomers chats, DeepSeekSimulator simulator, long holdStart, long deadline) {
			this.app = app;
			this.chats = chats;
			this.simulator = simulator;
			this.holdStart = holdStart;
			this.deadline = deadline;
		}

		@Override
		public void run() {
			Duration cpuAtHoldStart = null;
			while (!this.stop.get()) {
				long now = System.nanoTime();
				if (cpuAtHoldStart == null && now >= this.holdStart) {
					cpuAtHoldStart = this.app.cpuTime();
				}
				if (cpuAtHoldStart != null && this.holdCpu.isZero() && now >= this.deadline) {
					this.holdCpu = this.app.cpuTime().minus(cpuAtHoldStart);
				}
				long[] heapAndThreads = this.app.heapAndThreads();
				this.maxHeap.accumulate(heapAndThreads[0]);
				this.maxThreads.accumulate(heapAndThreads[1]);
				this.maxStreams.accumulate(this.chats.inFlight());
				// The simulator logs every request with its body: keep its memory flat.
				this.simulator.requests().clear();
				try {
					Thread.sleep(2000);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
			this.heapAfterRun = this.app.heapAndThreads()[0];
		}

	}

}
