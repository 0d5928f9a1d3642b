package io.github.deepseekspring.local.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.github.deepseekspring.local.LocalRuntime;
import io.github.deepseekspring.local.LocalRuntimes;
import io.github.deepseekspring.local.Streams;
import io.github.deepseekspring.local.chat.ChatRequest;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.ollama.OllamaSimulator;

/**
 * Client overhead against a raw {@link HttpClient} call to the same simulator in the same run, and the pool's pick.
 * Run: {@code mvn -pl local-runtime test -Dtest=ClientOverheadBenchmarkTests -Dbench=true}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ClientOverheadBenchmarkTests {

	private static final String MODEL = "deepseek-coder-v2:16b";

	@Test
	void overheadAgainstRawHttpClient() throws Exception {
		String longAnswer = IntStream.range(0, 500).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
		try (OllamaSimulator ollama = OllamaSimulator.start();
				LocalRuntime runtime = LocalRuntimes.builder().endpoint(ollama.baseUrl().toString())
					.healthCheckInterval(java.time.Duration.ZERO).build()) {
			ollama.onUserMessage("long", ScriptedReply.text(longAnswer));
			HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			URI chat = ollama.baseUrl().resolve("/api/chat");
			String shortBody = "{\"model\":\"" + MODEL + "\",\"stream\":false,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
			String streamBody = "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"long\"}]}";
			ChatRequest shortRequest = ChatRequest.builder(MODEL).user("hi").build();
			ChatRequest streamRequest = ChatRequest.builder(MODEL).user("long").build();
			int tokens = Streams.collect(runtime.chatStream(streamRequest)).size() - 1;

			Runnable rawChat = () -> send(raw, chat, shortBody, HttpResponse.BodyHandlers.ofString());
			Runnable clientChat = () -> runtime.chat(shortRequest);
			Runnable rawStream = () -> send(raw, chat, streamBody, HttpResponse.BodyHandlers.ofLines()).forEach(line -> { });
			Runnable clientStream = () -> drain(runtime.chatStream(streamRequest));
			report("non-stream chat", rawChat, clientChat, 3000, 1);
			report("stream of " + tokens + " tokens", rawStream, clientStream, 300, tokens);
		}
	}

	@Test
	void pickUnderOneMicrosecond() {
		List<EndpointState> states = List.of(new EndpointState(Endpoint.of("http://a:1")),
				new EndpointState(Endpoint.of("http://b:1").withWeight(2)), new EndpointState(Endpoint.of("http://c:1")));
		EndpointPicker picker = new EndpointPicker(states);
		Set<EndpointState> none = new HashSet<>();
		long sink = 0;
		for (int round = 0; round < 3; round++) {
			long start = System.nanoTime();
			int count = 5_000_000;
			for (int i = 0; i < count; i++) {
				sink += picker.pick("deepseek-r1:7b", null, none).endpoint.weight();
			}
			double nanos = (System.nanoTime() - start) / (double) count;
			System.out.printf("BENCH pick: %.1f ns/op%n", nanos);
			if (round == 2) {
				assertThat(nanos).isLessThan(1000);
			}
		}
		long startKeyed = System.nanoTime();
		for (int i = 0; i < 2_000_000; i++) {
			sink += picker.pick("deepseek-r1:7b", "conversation-" + (i & 1023), none).endpoint.weight();
		}
		System.out.printf("BENCH pick with affinity key: %.1f ns/op (sink %d)%n", (System.nanoTime() - startKeyed) / 2e6, sink);
	}

	private static void report(String name, Runnable raw, Runnable client, int samples, int tokens) {
		for (int i = 0; i < samples / 3; i++) {
			raw.run();
			client.run();
		}
		long[] rawNanos = new long[samples];
		long[] clientNanos = new long[samples];
		long rawBytes = 0;
		long clientBytes = 0;
		for (int i = 0; i < samples; i++) {
			long before = allocated();
			rawNanos[i] = time(raw);
			long middle = allocated();
			clientNanos[i] = time(client);
			clientBytes += allocated() - middle;
			rawBytes += middle - before;
		}
		Arrays.sort(rawNanos);
		Arrays.sort(clientNanos);
		System.out.printf("BENCH %s: raw p50 %.3f ms p99 %.3f ms | client p50 %.3f ms p99 %.3f ms | added p50 %.3f ms p99 %.3f ms"
				+ " | added allocation %.0f B per %s%n", name, ms(rawNanos, 50), ms(rawNanos, 99), ms(clientNanos, 50),
				ms(clientNanos, 99), ms(clientNanos, 50) - ms(rawNanos, 50), ms(clientNanos, 99) - ms(rawNanos, 99),
				(clientBytes - rawBytes) / (double) samples / tokens, tokens == 1 ? "call" : "token");
	}

	/** Consumes a stream keeping nothing, so only the client's allocations count. */
	private static <T> void drain(java.util.concurrent.Flow.Publisher<T> publisher) {
		var finished = new java.util.concurrent.CompletableFuture<Void>();
		publisher.subscribe(new java.util.concurrent.Flow.Subscriber<T>() {
			@Override
			public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
				subscription.request(Long.MAX_VALUE);
			}

			@Override
			public void onNext(T item) {
			}

			@Override
			public void onError(Throwable error) {
				finished.completeExceptionally(error);
			}

			@Override
			public void onComplete() {
				finished.complete(null);
			}
		});
		finished.join();
	}

	private static <T> T send(HttpClient http, URI uri, String body, HttpResponse.BodyHandler<T> handler) {
		try {
			return http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build(), handler)
				.body();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static long time(Runnable action) {
		long start = System.nanoTime();
		action.run();
		return System.nanoTime() - start;
	}

	private static double ms(long[] sorted, int percentile) {
		return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
	}

	/** Bytes allocated by all live threads: client, JDK HTTP and simulator threads alike, so only differences count. */
	private static long allocated() {
		var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long total = 0;
		for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
			total += Math.max(0, bytes);
		}
		return total;
	}

}
