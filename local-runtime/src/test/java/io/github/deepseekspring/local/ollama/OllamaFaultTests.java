package io.github.deepseekspring.local.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.deepseekspring.local.BadRequestException;
import io.github.deepseekspring.local.LocalRuntime;
import io.github.deepseekspring.local.LocalRuntimeTimeoutException;
import io.github.deepseekspring.local.LocalRuntimes;
import io.github.deepseekspring.local.ModelNotFoundException;
import io.github.deepseekspring.local.RuntimeUnreachableException;
import io.github.deepseekspring.local.ServerErrorException;
import io.github.deepseekspring.local.Streams;
import io.github.deepseekspring.local.chat.ChatRequest;
import io.github.deepseekspring.local.chat.LocalChatChunk;
import io.github.deepseekspring.testkit.junit.SimulatorsExtension;
import io.github.deepseekspring.testkit.ollama.OllamaSimulator;

@ExtendWith(SimulatorsExtension.class)
class OllamaFaultTests {

	private static final ChatRequest ASK = ChatRequest.builder("deepseek-r1:7b").user("Tell me a story about a cat").build();

	private final OllamaSimulator ollama;
	private LocalRuntime runtime;

	OllamaFaultTests(OllamaSimulator ollama) {
		this.ollama = ollama;
	}

	@BeforeEach
	void build() {
		runtime = LocalRuntimes.builder().endpoint(ollama.baseUrl().toString()).healthCheckInterval(Duration.ZERO)
			.connectTimeout(Duration.ofSeconds(1)).firstTokenTimeout(Duration.ofMillis(400))
			.idleTimeout(Duration.ofMillis(300)).requestTimeout(Duration.ofMillis(800)).build();
	}

	@AfterEach
	void close() {
		ollama.faults().up();
		runtime.close();
	}

	@Test
	void unknownModelSaysHowToPullIt() {
		assertThatThrownBy(() -> runtime.chat(ChatRequest.builder("deepseek-v3:671b").user("hi").build()))
			.isInstanceOf(ModelNotFoundException.class).hasMessageContaining("ollama pull deepseek-v3:671b");
		Throwable streamed = Streams.subscribe(runtime.chatStream(ChatRequest.builder("deepseek-v3:671b").user("hi").build()))
			.awaitError(Duration.ofSeconds(5));
		assertThat(streamed).isInstanceOf(ModelNotFoundException.class);
	}

	@Test
	void runtimeDownIsUnreachable() {
		ollama.faults().down();
		assertThatThrownBy(() -> runtime.chat(ASK)).isInstanceOf(RuntimeUnreachableException.class)
			.hasMessageContaining(ollama.baseUrl().getAuthority());
		assertThat(runtime.isUp()).isFalse();
	}

	@Test
	void badRequestCarriesTheRuntimesMessage() {
		assertThatThrownBy(() -> runtime.chat(ChatRequest.builder("deepseek-coder-v2:16b").user("hi").think(true).build()))
			.isInstanceOf(BadRequestException.class).hasMessageContaining("does not support thinking");
	}

	@Test
	void serverErrorCarriesTheRuntimesMessage() {
		ollama.faults().failNext(1, 500);
		assertThatThrownBy(() -> runtime.chat(ASK)).isInstanceOf(ServerErrorException.class)
			.hasMessageContaining("llama runner process has terminated")
			.satisfies(e -> assertThat(((ServerErrorException) e).status()).isEqualTo(500));
	}

	@Test
	void slowFirstTokenTimesOutAsFirstToken() {
		ollama.faults().stallBeforeFirstByte(Duration.ofSeconds(2));
		Throwable error = Streams.subscribe(runtime.chatStream(ASK)).awaitError(Duration.ofSeconds(5));
		assertThat(error).isInstanceOf(LocalRuntimeTimeoutException.class).hasMessageContaining("first-token");
		assertThat(((LocalRuntimeTimeoutException) error).kind()).isEqualTo(LocalRuntimeTimeoutException.Kind.FIRST_TOKEN);
		assertThatThrownBy(() -> runtime.chat(ASK)).isInstanceOf(LocalRuntimeTimeoutException.class)
			.satisfies(e -> assertThat(((LocalRuntimeTimeoutException) e).kind())
				.isEqualTo(LocalRuntimeTimeoutException.Kind.REQUEST));
	}

	@Test
	void gapBetweenChunksTimesOutAsIdle() {
		ollama.faults().tokenDelay(Duration.ofSeconds(1));
		// a model without reasoning, so the first piece is answer text the caller receives
		Streams.Collector<LocalChatChunk> stream = Streams
			.subscribe(runtime.chatStream(ChatRequest.builder("deepseek-coder-v2:16b").user("write a loop").build()));
		Throwable error = stream.awaitError(Duration.ofSeconds(5));
		assertThat(error).isInstanceOf(LocalRuntimeTimeoutException.class).hasMessageContaining("idle");
		assertThat(stream.items).isNotEmpty();
	}

	@Test
	void cutStreamFailsAfterTheChunksThatArrived() {
		ollama.faults().cutAfterChunks(3);
		Streams.Collector<LocalChatChunk> stream = Streams.subscribe(runtime.chatStream(ASK));
		Throwable error = stream.awaitError(Duration.ofSeconds(5));
		assertThat(error).isInstanceOf(ServerErrorException.class).hasMessageContaining("cut");
		assertThat(stream.items).isNotEmpty().noneMatch(LocalChatChunk::done);
	}

	@Test
	void cancellingTheSubscriptionClosesTheConnection() throws Exception {
		// a long answer, so the stream is still running when the caller cancels
		ollama.onUserMessage("a story to cancel", io.github.deepseekspring.testkit.ScriptedReply.text("word ".repeat(300)));
		ollama.faults().tokenDelay(Duration.ofMillis(30));
		Flow.Publisher<LocalChatChunk> publisher = runtime
			.chatStream(ChatRequest.builder("deepseek-r1:7b").user("a story to cancel").build());
		var firstChunk = new java.util.concurrent.CompletableFuture<Flow.Subscription>();
		publisher.subscribe(new Flow.Subscriber<>() {
			private Flow.Subscription subscription;

			@Override
			public void onSubscribe(Flow.Subscription s) {
				subscription = s;
				s.request(1);
			}

			@Override
			public void onNext(LocalChatChunk item) {
				firstChunk.complete(subscription);
			}

			@Override
			public void onError(Throwable t) {
				firstChunk.completeExceptionally(t);
			}

			@Override
			public void onComplete() {
			}
		});
		firstChunk.get(5, TimeUnit.SECONDS).cancel();
		// found by content: a request of an earlier test may still be finishing in the simulator
		var sent = ollama.requests().all().stream().filter(r -> r.body().contains("a story to cancel")).findFirst()
			.orElseThrow();
		assertThat(sent.awaitClientDisconnect(Duration.ofSeconds(8))).isTrue();
	}

}
