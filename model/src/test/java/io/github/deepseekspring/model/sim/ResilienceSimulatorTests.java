package io.github.deepseekspring.model.sim;

import java.time.Duration;
import java.util.List;

import io.github.deepseekspring.model.api.DeepSeekApi;
import io.github.deepseekspring.model.api.DeepSeekApiException;
import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.resilience.BackendTimeoutException;
import io.github.deepseekspring.model.resilience.CircuitBreakers;
import io.github.deepseekspring.model.resilience.NoBackendAvailableException;
import io.github.deepseekspring.model.resilience.RetryPolicy;
import io.github.deepseekspring.model.resilience.SteppedClock;
import io.github.deepseekspring.model.resilience.StreamTimeouts;
import io.github.deepseekspring.testkit.RecordedRequest;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.Disposable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Retries, circuit breaking, timeouts and cancellation against the DeepSeek simulator. */
class ResilienceSimulatorTests extends DeepSeekSimulatorSupport {

	static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100), 2, 0.5,
			Duration.ofSeconds(10));

	static final StreamTimeouts SHORT = new StreamTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3),
			Duration.ofMillis(700), Duration.ofSeconds(8));

	static DeepSeekChatModel.Builder builder() {
		return DeepSeekChatModel.builder()
			.api(DeepSeekApi.builder().baseUrl(sim.baseUrl()).apiKey(sim.apiKey()).build())
			.retryPolicy(FAST)
			.timeouts(SHORT)
			.circuitBreakers(new CircuitBreakers(CircuitBreakers.config(10, Duration.ofMillis(300))));
	}

	@Test
	void honoursRetryAfterOn429() {
		sim.faults().failNext(1, 429, Duration.ofSeconds(1));
		ChatResponse response = builder().build().call(new Prompt("hello"));
		assertThat(response.getResult().getOutput().getText()).contains("hello");
		List<RecordedRequest> sent = sim.requests().all();
		assertThat(sent).hasSize(2);
		assertThat(Duration.between(sent.get(0).receivedAt(), sent.get(1).receivedAt()))
			.as("the retry waited the server's Retry-After, not the 20 ms backoff")
			.isGreaterThanOrEqualTo(Duration.ofMillis(950));
	}

	@Test
	void honoursRetryAfterGivenAsAnHttpDate() {
		sim.faults().failNextRetryingAfterDate(1, 503, Duration.ofSeconds(2));
		assertThat(builder().build().call(new Prompt("hello")).getResult().getOutput().getText()).contains("hello");
		List<RecordedRequest> sent = sim.requests().all();
		assertThat(sent).hasSize(2);
		// the date names a whole second at least two seconds after the failed request, rounded down
		java.time.Instant notBefore = sent.get(0).receivedAt().plusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		assertThat(sent.get(1).receivedAt()).as("the retry waited for the date, not the 20 ms backoff")
			.isAfterOrEqualTo(notBefore);
	}

	@Test
	void retries503WithBackoff() {
		sim.faults().failNext(2, 503);
		assertThat(builder().build().call(new Prompt("hello")).getResult().getOutput().getText()).contains("hello");
		assertThat(sim.requests().count("/chat/completions")).isEqualTo(3);
	}

	@Test
	void authenticationAndBalanceErrorsAreNotRetried() {
		DeepSeekChatModel model = builder().build();
		sim.faults().failNext(1, 401);
		assertThatThrownBy(() -> model.call(new Prompt("a"))).isInstanceOf(DeepSeekApiException.AuthenticationFailed.class);
		assertThat(sim.requests().count("/chat/completions")).isEqualTo(1);
		sim.faults().failNext(1, 402);
		assertThatThrownBy(() -> model.call(new Prompt("b"))).isInstanceOf(DeepSeekApiException.InsufficientBalance.class);
		assertThat(sim.requests().count("/chat/completions")).isEqualTo(2);
	}

	@Test
	void wrongKeyGives401WithoutTheKeyInTheMessage() {
		String wrong = "sk-test-wrong-key-123";
		DeepSeekChatModel model = builder().api(DeepSeekApi.builder().baseUrl(sim.baseUrl()).apiKey(wrong).build()).build();
		assertThatThrownBy(() -> model.call(new Prompt("a"))).isInstanceOf(DeepSeekApiException.AuthenticationFailed.class)
			.satisfies(e -> assertThat(e.toString()).doesNotContain(wrong));
	}

	@Test
	void circuitOpensAndClosesAgain() {
		// window of 4, at least 2 recorded calls: two server errors open the circuit
		SteppedClock clock = new SteppedClock();
		DeepSeekChatModel model = builder().retryPolicy(RetryPolicy.none())
			.circuitBreakers(new CircuitBreakers(CircuitBreakers.config(4, Duration.ofMillis(300), clock)))
			.build();
		sim.faults().failNext(2, 500);
		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> model.call(new Prompt("x"))).isInstanceOf(DeepSeekApiException.class);
		}
		int sent = sim.requests().count("/chat/completions");
		assertThatThrownBy(() -> model.call(new Prompt("x"))).isInstanceOf(NoBackendAvailableException.class)
			.hasMessageContaining("circuit open");
		assertThat(sim.requests().count("/chat/completions")).as("open circuit sends nothing").isEqualTo(sent);
		clock.step(Duration.ofMillis(301));
		assertThat(model.call(new Prompt("back")).getResult().getOutput().getText()).contains("back");
		assertThat(model.call(new Prompt("again")).getResult().getOutput().getText()).contains("again");
	}

	@Test
	void cancellingTheStreamClosesTheUpstreamConnection() {
		sim.faults().tokenDelay(Duration.ofMillis(100));
		DeepSeekChatModel model = builder().build();
		Disposable subscription = Events.disposeAfterFirst(model.stream(new Prompt("a long answer please " + "x ".repeat(50))));
		assertThat(subscription.isDisposed()).isTrue();
		assertThat(sim.requests().last().awaitClientDisconnect(Events.PATIENCE)).isTrue();
	}

	@Test
	void hangingServerHitsTheIdleTimeout() {
		sim.faults().hangNext(1, Duration.ofSeconds(3));
		DeepSeekChatModel model = builder().retryPolicy(RetryPolicy.none()).build();
		assertThatThrownBy(() -> model.stream(new Prompt("x")).blockLast()).isInstanceOf(BackendTimeoutException.class);
	}

	@Test
	void streamCutBeforeDoneEndsWithAnErrorNotASilentRestart() {
		sim.faults().cutAfterChunks(3);
		DeepSeekChatModel model = builder().build();
		List<ChatResponse> got = new java.util.ArrayList<>();
		assertThatThrownBy(() -> model.stream(new Prompt("tell me something long " + "y ".repeat(40))).doOnNext(got::add).blockLast())
			.isInstanceOf(RuntimeException.class);
		assertThat(got).isNotEmpty();
		assertThat(sim.requests().count("/chat/completions")).as("no retry after tokens were delivered").isEqualTo(1);
	}

	@Test
	void hangingServerHitsTheIdleTimeoutInCallsToo() {
		sim.faults().hangNext(1, Duration.ofSeconds(3));
		DeepSeekChatModel model = builder().retryPolicy(RetryPolicy.none()).build();
		// "idle" names the 700 ms idle limit that fired, not the server hanging up after 3 s
		assertThatThrownBy(() -> model.call(new Prompt("x"))).isInstanceOf(io.github.deepseekspring.model.api.DeepSeekTimeoutException.class)
			.hasMessageContaining("idle");
	}

	@Test
	void keepAlivesKeepAQueuedRequestAliveLongerThanTheIdleLimit() {
		// queued 1.5 s with a keep-alive every 300 ms; idle limit 700 ms
		DeepSeekChatModel model = builder().retryPolicy(RetryPolicy.none()).build();
		sim.faults().queue(Duration.ofMillis(1500));
		assertThat(model.call(new Prompt("queued call")).getResult().getOutput().getText()).contains("queued call");
		sim.faults().queue(Duration.ofMillis(1500));
		assertThat(model.stream(new Prompt("queued stream")).map(r -> r.getResult().getOutput().getText()).reduce("", String::concat).block())
			.contains("queued stream");
	}

	@Test
	void keepAlivesAreNotTokensForTheFirstTokenLimit() {
		DeepSeekChatModel model = builder().retryPolicy(RetryPolicy.none())
			.timeouts(new StreamTimeouts(Duration.ofSeconds(1), Duration.ofMillis(800), Duration.ofMillis(700), Duration.ofSeconds(8)))
			.build();
		sim.faults().queue(Duration.ofMillis(2000));
		assertThatThrownBy(() -> model.stream(new Prompt("x")).blockLast()).isInstanceOf(BackendTimeoutException.class)
			.hasMessageStartingWith("first-token");
	}

}
