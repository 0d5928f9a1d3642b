package io.github.deepseekspring.model.sim;

import java.time.Duration;
import java.util.List;

import io.github.deepseekspring.model.chat.BackendHint;
import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.model.chat.DeepSeekMetadata;
import io.github.deepseekspring.model.completion.CodeCompletion;
import io.github.deepseekspring.model.local.LocalRuntimePort;
import io.github.deepseekspring.model.resilience.RetryPolicy;
import io.github.deepseekspring.model.resilience.StreamTimeouts;
import io.github.deepseekspring.model.routing.RoutingMode;
import io.github.deepseekspring.model.routing.UnsupportedRequestException;
import io.github.deepseekspring.testkit.RecordedRequest;
import io.github.deepseekspring.testkit.ScriptedReply;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.MessageAggregator;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local backend (through the local-runtime client) against the Ollama simulator, alone and beside the DeepSeek simulator. */
class LocalSimulatorTests extends LocalRuntimeSimulatorSupport {

	/** The runtime client's background health checks also reach the simulator: pick the request under test. */
	private static RecordedRequest lastTo(String path) {
		return ollama.requests().all().stream().filter(r -> r.path().equals(path)).reduce((a, b) -> b).orElseThrow();
	}

	private DeepSeekChatModel model(RoutingMode mode) {
		return DeepSeekChatModel.builder()
			.timeouts(new StreamTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(5)))
			.retryPolicy(RetryPolicy.none())
			.remote(sim.baseUrl().toString(), sim.apiKey())
			.local(new LocalRuntimePort(runtime), "deepseek-r1:7b", "deepseek-coder-v2:16b", 4)
			.routingMode(mode)
			.build();
	}

	@Test
	void inlineThinkTagsBecomeReasoningInCallAndStream() {
		ollama.onUserMessage("sky", ScriptedReply.text("Rayleigh scattering.").withReasoning("Short wavelengths scatter more."));
		DeepSeekChatModel model = model(RoutingMode.LOCAL);

		ChatResponse call = model.call(new Prompt("Why is the sky blue?"));
		assertThat(call.getResult().getOutput().getText()).isEqualTo("Rayleigh scattering.");
		assertThat(DeepSeekMetadata.reasoning(call.getResult().getOutput())).contains("Short wavelengths scatter more.");

		List<ChatResponse> chunks = model.stream(new Prompt("Why is the sky blue?")).collectList().block();
		ChatResponse[] whole = new ChatResponse[1];
		new MessageAggregator().aggregate(Flux.fromIterable(chunks), r -> whole[0] = r).blockLast();
		assertThat(whole[0].getResult().getOutput().getText()).isEqualTo("Rayleigh scattering.");
		assertThat(DeepSeekMetadata.reasoning(whole[0].getResult().getOutput())).contains("Short wavelengths scatter more.");
		assertThat(whole[0].getMetadata().getUsage().getTotalTokens()).isPositive();
		assertThat(sim.requests().count()).isZero();
	}

	@Test
	void codeCompletionOnBothBackends() {
		DeepSeekChatModel model = model(RoutingMode.REMOTE_FIRST);
		String prefix = "def add(a, b):\n    ";
		String suffix = "\n\nprint(add(1, 2))\n";

		CodeCompletion remote = model.complete(prefix, suffix, DeepSeekChatOptions.builder().backend(BackendHint.REMOTE).build());
		assertThat(remote.backend()).isEqualTo("remote");
		assertThat(remote.text()).isNotBlank();
		assertThat(sim.requests().last().path()).endsWith("/beta/completions");

		CodeCompletion local = model.complete(prefix, suffix, DeepSeekChatOptions.builder().backend(BackendHint.LOCAL).build());
		assertThat(local.backend()).isEqualTo("local");
		assertThat(local.text()).isNotBlank();
		RecordedRequest generate = lastTo("/api/generate");
		assertThat(generate.json().path("suffix").asString()).contains("print(add(1, 2))");
		assertThat(generate.json().path("model").asString()).isEqualTo("deepseek-coder-v2:16b");
	}

	@Test
	void remoteDownFailsOverToTheLocalRuntimeBeforeTheFirstToken() {
		sim.faults().down();
		try {
			String answer = model(RoutingMode.REMOTE_FIRST).stream(new Prompt("hello from failover"))
				.map(r -> r.getResult().getOutput().getText())
				.reduce("", String::concat)
				.block();
			assertThat(answer).isNotBlank();
			assertThat(ollama.requests().count("/api/chat")).isEqualTo(1);
		}
		finally {
			sim.faults().up();
		}
	}

	@Test
	void localDownFailsOverToTheApi() {
		ollama.faults().down();
		try {
			String answer = model(RoutingMode.LOCAL_FIRST).call(new Prompt("hello api")).getResult().getOutput().getText();
			assertThat(answer).contains("hello api");
		}
		finally {
			ollama.faults().up();
		}
	}

	@Test
	void logprobsAreNeverSilentlyDroppedByTheLocalRuntime() {
		DeepSeekChatOptions logprobs = DeepSeekChatOptions.builder().logprobs(true).build();
		assertThatThrownBy(() -> model(RoutingMode.LOCAL).call(new Prompt("hello", logprobs)))
			.isInstanceOf(UnsupportedRequestException.class)
			.hasMessageContaining("local: the local runtime returns no log probabilities");
		assertThat(ollama.requests().count("/api/chat")).isZero();

		ChatResponse remote = model(RoutingMode.LOCAL_FIRST).call(new Prompt("hello", logprobs));
		assertThat(remote.getResult().getOutput().getMetadata()).containsEntry(DeepSeekMetadata.BACKEND, "remote");
		assertThat(DeepSeekMetadata.logprobs(remote.getResult())).isPresent();
	}

	@Test
	void cancellingALocalStreamClosesTheConnection() {
		ollama.faults().tokenDelay(Duration.ofMillis(100));
		Disposable subscription = Events.disposeAfterFirst(model(RoutingMode.LOCAL).stream(new Prompt("long please " + "w ".repeat(40))));
		assertThat(subscription.isDisposed()).isTrue();
		assertThat(lastTo("/api/chat").awaitClientDisconnect(Events.PATIENCE)).isTrue();
	}

}
