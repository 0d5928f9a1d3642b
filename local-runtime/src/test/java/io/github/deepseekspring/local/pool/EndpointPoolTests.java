package io.github.deepseekspring.local.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.deepseekspring.local.LocalRuntime;
import io.github.deepseekspring.local.LocalRuntimes;
import io.github.deepseekspring.local.ServerErrorException;
import io.github.deepseekspring.local.Streams;
import io.github.deepseekspring.local.chat.ChatRequest;
import io.github.deepseekspring.local.chat.LocalChatChunk;
import io.github.deepseekspring.testkit.ollama.OllamaSimulator;

/** Three simulated GPU boxes behind one client. */
class EndpointPoolTests {

	private static final List<OllamaSimulator> boxes = new ArrayList<>();
	private LocalRuntime runtime;

	@BeforeAll
	static void startBoxes() {
		for (int i = 0; i < 3; i++) {
			boxes.add(OllamaSimulator.start());
		}
	}

	@AfterAll
	static void stopBoxes() {
		boxes.forEach(OllamaSimulator::close);
	}

	@BeforeEach
	void build() {
		boxes.forEach(OllamaSimulator::reset);
		boxes.forEach(box -> box.faults().up());
		LocalRuntimes.Builder builder = LocalRuntimes.builder().defaultModel("deepseek-r1:7b")
			.healthCheckInterval(Duration.ofMillis(100)).connectTimeout(Duration.ofSeconds(1))
			.firstTokenTimeout(Duration.ofMillis(500)).idleTimeout(Duration.ofSeconds(2));
		boxes.forEach(box -> builder.endpoint(box.baseUrl().toString()));
		runtime = builder.build();
		awaitTrue(() -> runtime.endpoints().stream().allMatch(e -> e.lastChecked() != null && e.up()));
	}

	@AfterEach
	void close() {
		runtime.close();
	}

	@Test
	void concurrentStreamsSpreadByOutstandingRequests() throws Exception {
		boxes.forEach(box -> box.faults().tokenDelay(Duration.ofMillis(10)));
		List<CompletableFuture<List<LocalChatChunk>>> streams = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			ChatRequest request = ChatRequest.builder(null).user("question " + i).build();
			streams.add(CompletableFuture.supplyAsync(() -> Streams.collect(runtime.chatStream(request))));
		}
		awaitTrue(() -> runtime.endpoints().stream().mapToInt(EndpointStatus::inFlight).sum() > 0);
		for (CompletableFuture<List<LocalChatChunk>> stream : streams) {
			assertThat(stream.get(10, TimeUnit.SECONDS)).last().satisfies(c -> assertThat(c.done()).isTrue());
		}
		for (OllamaSimulator box : boxes) {
			assertThat(box.requests().count("/api/chat")).isBetween(2, 6);
		}
		assertThat(runtime.endpoints()).allSatisfy(e -> assertThat(e.inFlight()).isZero());
	}

	@Test
	void trafficLeavesADeadBoxAndComesBackWhenItRecovers() {
		chatTimes(9);
		boxes.forEach(box -> assertThat(box.requests().count("/api/chat")).isPositive());
		OllamaSimulator dying = boxes.get(1);
		dying.faults().down();
		chatTimes(9);
		awaitTrue(() -> !runtime.endpoints().get(1).up());
		assertThat(runtime.endpoints().get(1).lastError()).isNotBlank();
		assertThat(runtime.isUp()).isTrue();
		int beforeRecovery = dying.requests().count("/api/chat");
		dying.faults().up();
		awaitTrue(() -> runtime.endpoints().get(1).up());
		chatTimes(9);
		assertThat(dying.requests().count("/api/chat")).isGreaterThan(beforeRecovery);
	}

	@Test
	void affinityKeepsAConversationOnOneBoxWhileItIsHealthy() {
		ChatRequest request = ChatRequest.builder(null).user("hello").affinityKey("conversation-42").build();
		String first = runtime.chat(request).endpoint();
		for (int i = 0; i < 5; i++) {
			assertThat(runtime.chat(request).endpoint()).isEqualTo(first);
		}
		OllamaSimulator sticky = boxes.stream().filter(b -> b.baseUrl().toString().equals(first)).findFirst().orElseThrow();
		sticky.faults().down();
		String moved = runtime.chat(request).endpoint();
		assertThat(moved).isNotEqualTo(first);
		assertThat(runtime.chat(request).endpoint()).isEqualTo(moved);
	}

	@Test
	void failuresBeforeTheFirstTokenAreRetriedElsewhere() {
		boxes.get(0).faults().stallBeforeFirstByte(Duration.ofSeconds(2));
		boxes.get(1).faults().down();
		for (int i = 0; i < 4; i++) {
			List<LocalChatChunk> chunks = Streams.collect(runtime.chatStream(ChatRequest.builder(null).user("hi " + i).build()));
			assertThat(chunks).last().satisfies(c -> assertThat(c.done()).isTrue());
		}
		assertThat(boxes.get(2).requests().count("/api/chat")).isEqualTo(4);
	}

	@Test
	void noRetryOnceATokenWasDelivered() {
		boxes.forEach(box -> box.faults().cutAfterChunks(4));
		Streams.Collector<LocalChatChunk> stream = Streams.subscribe(runtime.chatStream(ChatRequest.builder(null).user("hi").build()));
		assertThat(stream.awaitError(Duration.ofSeconds(5))).isInstanceOf(ServerErrorException.class);
		assertThat(stream.items).isNotEmpty();
		assertThat(boxes.stream().mapToInt(b -> b.requests().count("/api/chat")).sum()).isEqualTo(1);
	}

	@Test
	void onlyBoxesThatHaveTheModelGetItsRequests() {
		boxes.get(0).withoutModel("bge-m3");
		awaitTrue(() -> !runtime.endpoints().get(0).models().contains("bge-m3:latest"));
		for (int i = 0; i < 6; i++) {
			runtime.embed("bge-m3", List.of("text " + i));
		}
		assertThat(boxes.get(0).requests().count("/api/embed")).isZero();
		assertThat(boxes.get(1).requests().count("/api/embed") + boxes.get(2).requests().count("/api/embed")).isEqualTo(6);
	}

	@Test
	void snapshotShowsLoadedModelsAndVram() {
		chatTimes(3);
		awaitTrue(() -> runtime.endpoints().stream().allMatch(e -> e.vramBytes() > 0));
		assertThat(runtime.endpoints()).hasSize(3).allSatisfy(e -> {
			assertThat(e.up()).isTrue();
			assertThat(e.version()).isNotBlank();
			assertThat(e.models()).contains("deepseek-r1:7b");
			assertThat(e.loaded()).anySatisfy(m -> assertThat(m.name()).isEqualTo("deepseek-r1:7b"));
		});
	}

	private void chatTimes(int count) {
		for (int i = 0; i < count; i++) {
			assertThat(runtime.chat(ChatRequest.builder(null).user("q" + i).build()).content()).isNotBlank();
		}
	}

	private static void awaitTrue(BooleanSupplier condition) {
		// generous: the condition usually holds within milliseconds; this only bounds a failing test
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not met within 30 s");
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}

}
