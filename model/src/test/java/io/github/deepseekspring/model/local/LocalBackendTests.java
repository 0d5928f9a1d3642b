package io.github.deepseekspring.model.local;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.github.deepseekspring.model.api.DeepSeekTransportException;
import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.model.chat.DeepSeekMetadata;
import io.github.deepseekspring.model.chat.DeepSeekUsage;
import io.github.deepseekspring.model.cost.ModelPrice;
import io.github.deepseekspring.model.cost.PriceTable;
import io.github.deepseekspring.model.resilience.StreamTimeouts;
import io.github.deepseekspring.model.routing.BackendRequest;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.MessageAggregator;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link LocalBackend}'s own rules over a scripted runtime port. */
class LocalBackendTests {

	private static final StreamTimeouts LIMITS = new StreamTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1),
			Duration.ofMillis(500), Duration.ofSeconds(3));

	private static final BackendRequest ASK = new BackendRequest(List.of(new UserMessage("why?")),
			DeepSeekChatOptions.builder().model("deepseek-flash").conversationId("c-9").build(), List.of());

	/** A runtime whose stream is the given deltas. */
	static final class ScriptedPort implements LocalChatPort {

		final AtomicReference<Request> lastRequest = new AtomicReference<>();

		final AtomicBoolean cancelled = new AtomicBoolean();

		private final Flux<Delta> deltas;

		ScriptedPort(Flux<Delta> deltas) {
			this.deltas = deltas;
		}

		@Override
		public Reply chat(Request request) {
			this.lastRequest.set(request);
			return new Reply("<think>\nchecking\n</think>\n\nBecause.", null, List.of(), "deepseek-r1:7b", "stop", 12, 8);
		}

		@Override
		public Flow.Publisher<Delta> chatStream(Request request) {
			this.lastRequest.set(request);
			return JdkFlowAdapter.publisherToFlowPublisher(this.deltas.doOnCancel(() -> this.cancelled.set(true)));
		}

		@Override
		public Reply generate(String model, String prefix, String suffix, Integer maxTokens) {
			return new Reply("return a + b", null, List.of(), model, "stop", 20, 5);
		}

	}

	private static LocalChatPort.Delta piece(String text) {
		return new LocalChatPort.Delta(text, null, null, false, null, null, 0, 0);
	}

	private static LocalChatPort.Delta done() {
		return new LocalChatPort.Delta("", null, null, true, "deepseek-r1:7b", "stop", 30, 1_000_000);
	}

	private LocalBackend backend(LocalChatPort port) {
		PriceTable prices = PriceTable.defaults().withLocalPrice(ModelPrice.of("0", "0", "1"));
		return new LocalBackend(port, "deepseek-r1:7b", "deepseek-coder-v2:16b", LIMITS, prices, 2);
	}

	@Test
	void streamSplitsThinkTagsCutAcrossChunksAndAggregatesWithUsage() {
		ScriptedPort port = new ScriptedPort(Flux.just(piece("<th"), piece("ink>weigh"), piece("ing</thi"), piece("nk>Be"),
				piece("cause."), done()));
		List<ChatResponse> chunks = backend(port).stream(ASK).collectList().block();

		ChatResponse[] whole = new ChatResponse[1];
		new MessageAggregator().aggregate(Flux.fromIterable(chunks), r -> whole[0] = r).blockLast();
		assertThat(whole[0].getResult().getOutput().getText()).isEqualTo("Because.");
		assertThat(DeepSeekMetadata.reasoning(whole[0].getResult().getOutput())).contains("weighing");
		DeepSeekUsage usage = (DeepSeekUsage) chunks.get(chunks.size() - 1).getMetadata().getUsage();
		assertThat(usage.completionTokens()).isEqualTo(1_000_000);
		assertThat(usage.costCny()).isEqualByComparingTo("1");
		assertThat(port.lastRequest.get().model()).as("the local model, not the remote name").isEqualTo("deepseek-r1:7b");
		assertThat(port.lastRequest.get().affinityKey()).isEqualTo("c-9");
	}

	@Test
	void callSplitsInlineReasoning() {
		ChatResponse response = backend(new ScriptedPort(Flux.empty())).call(ASK).block();
		assertThat(response.getResult().getOutput().getText()).isEqualTo("Because.");
		assertThat(DeepSeekMetadata.reasoning(response.getResult().getOutput())).contains("checking");
		assertThat(response.getResult().getOutput().getMetadata()).containsEntry(DeepSeekMetadata.BACKEND, "local");
	}

	@Test
	void completionUsesTheCoderModel() {
		var completion = backend(new ScriptedPort(Flux.empty())).complete("def add(a, b):\n    ", "\n", DeepSeekChatOptions.builder().build()).block();
		assertThat(completion.text()).isEqualTo("return a + b");
		assertThat(completion.model()).isEqualTo("deepseek-coder-v2:16b");
		assertThat(completion.backend()).isEqualTo("local");
	}

	@Test
	void streamEndingWithoutDoneIsAnError() {
		LocalBackend backend = backend(new ScriptedPort(Flux.just(piece("half"))));
		assertThatThrownBy(() -> backend.stream(ASK).blockLast()).isInstanceOf(DeepSeekTransportException.class);
	}

	@Test
	void capacityCountsRequestsInFlightAndCancellationReachesTheRuntime() {
		ScriptedPort port = new ScriptedPort(Flux.concat(Flux.just(piece("a")), Flux.never()));
		LocalBackend backend = backend(port);
		var first = backend.stream(ASK).subscribe();
		var second = backend.stream(ASK).subscribe();
		assertThat(backend.hasCapacity()).isFalse();
		first.dispose();
		second.dispose();
		assertThat(backend.hasCapacity()).isTrue();
		assertThat(port.cancelled).isTrue();
	}

	@Test
	void blankLinesAfterTheThinkBlockAreNotPartOfTheAnswer() {
		ScriptedPort port = new ScriptedPort(Flux.just(piece("<think>\nplan\n</think>\n\nAns"), piece("wer"), done()));
		String text = backend(port).stream(ASK).map(r -> r.getResult().getOutput().getText()).reduce("", String::concat).block();
		assertThat(text).isEqualTo("Answer");
	}

}
