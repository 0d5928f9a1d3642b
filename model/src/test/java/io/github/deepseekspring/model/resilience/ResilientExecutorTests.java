package io.github.deepseekspring.model.resilience;

import java.time.Duration;
import java.util.List;

import io.github.deepseekspring.model.api.DeepSeekApiException;
import io.github.deepseekspring.model.api.DeepSeekTransportException;
import io.github.deepseekspring.model.metrics.DeepSeekMetrics;
import io.github.deepseekspring.model.routing.BackendKind;
import io.github.deepseekspring.model.routing.ChatBackend;
import io.github.deepseekspring.model.routing.FakeBackend;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatResponse;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class ResilientExecutorTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final FakeBackend remote = new FakeBackend(BackendKind.REMOTE);

	private final FakeBackend local = new FakeBackend(BackendKind.LOCAL);

	private final RetryPolicy fastRetries = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), 2, 0.5,
			Duration.ofSeconds(5));

	private CircuitBreakers breakers = CircuitBreakers.defaults();

	private ResilientExecutor executor(RetryPolicy policy) {
		return new ResilientExecutor(policy, this.breakers, new DeepSeekMetrics(this.registry));
	}

	private Flux<String> run(ResilientExecutor executor, List<ChatBackend> order) {
		return executor.execute(order, "m", (ChatBackend b) -> b.stream(null)).map(r -> r.getResult().getOutput().getText());
	}

	@Test
	void failsOverBeforeTheFirstToken() {
		remote.thenFail(new DeepSeekTransportException("refused"));
		StepVerifier.create(run(executor(RetryPolicy.none()), List.of(remote, local))).expectNext("local").verifyComplete();
		assertThat(registry.counter("deepseek.failovers", "from", "remote", "to", "local").count()).isEqualTo(1);
	}

	@Test
	void neverFailsOverOrRetriesAfterTheFirstToken() {
		remote.then(() -> Flux.concat(Flux.just(FakeBackend.token("Hel")), Flux.error(new DeepSeekTransportException("cut"))));
		StepVerifier.create(run(executor(fastRetries), List.of(remote, local)))
			.expectNext("Hel")
			.verifyErrorMatches(e -> e.getMessage().equals("cut"));
		assertThat(remote.attempts()).isEqualTo(1);
		assertThat(local.attempts()).isZero();
	}

	@Test
	void retriesServerErrorsWithBackoffThenSucceeds() {
		remote.thenFail(DeepSeekApiException.of(500, null, "boom", null))
			.thenFail(new DeepSeekTransportException("reset"))
			.thenAnswer("ok");
		StepVerifier.create(run(executor(fastRetries), List.of(remote))).expectNext("ok").verifyComplete();
		assertThat(remote.attempts()).isEqualTo(3);
	}

	@Test
	void honoursRetryAfterOn429() {
		remote.thenFail(DeepSeekApiException.of(429, null, "slow down", Duration.ofMillis(300))).thenAnswer("ok");
		// virtual time: the retry must wait the server's 300 ms, not the policy's 5 ms backoff
		StepVerifier.withVirtualTime(() -> run(executor(fastRetries), List.of(remote)))
			.thenAwait(Duration.ofMillis(299))
			.then(() -> assertThat(remote.attempts()).as("still waiting").isEqualTo(1))
			.thenAwait(Duration.ofMillis(1))
			.expectNext("ok")
			.verifyComplete();
		assertThat(remote.attempts()).isEqualTo(2);
	}

	@Test
	void clientErrorsAreNeverRetried() {
		for (int status : new int[] { 400, 401, 402, 422 }) {
			FakeBackend backend = new FakeBackend(BackendKind.REMOTE).thenFail(DeepSeekApiException.of(status, null, "no", null));
			StepVerifier.create(run(executor(fastRetries), List.of(backend)))
				.verifyErrorMatches(e -> e instanceof DeepSeekApiException api && api.status() == status);
			assertThat(backend.attempts()).as("status %d", status).isEqualTo(1);
		}
	}

	@Test
	void retryAfterBeyondTheDeadlineFailsOverInsteadOfWaiting() {
		RetryPolicy shortDeadline = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), 2, 0.5, Duration.ofMillis(500));
		remote.thenFail(DeepSeekApiException.of(429, null, "later", Duration.ofSeconds(60)));
		StepVerifier.create(run(executor(shortDeadline), List.of(remote, local))).expectNext("local").verifyComplete();
		assertThat(remote.attempts()).isEqualTo(1);
	}

	@Test
	void circuitOpensAfterFailuresAndClosesAfterASuccessfulProbe() {
		// window of 4 calls, at least 2 recorded: two failures open the circuit
		SteppedClock clock = new SteppedClock();
		this.breakers = new CircuitBreakers(CircuitBreakers.config(4, Duration.ofMillis(200), clock));
		ResilientExecutor executor = executor(RetryPolicy.none());
		for (int i = 0; i < 2; i++) {
			remote.thenFail(DeepSeekApiException.of(503, null, "overloaded", null));
			StepVerifier.create(run(executor, List.of(remote))).expectError().verify();
		}
		CircuitBreaker breaker = breakers.of(BackendKind.REMOTE);
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
		int attemptsWhenOpened = remote.attempts();

		StepVerifier.create(run(executor, List.of(remote))).verifyError(NoBackendAvailableException.class);
		StepVerifier.create(run(executor, List.of(remote, local))).expectNext("local").verifyComplete();
		assertThat(remote.attempts()).as("open circuit sends nothing").isEqualTo(attemptsWhenOpened);

		clock.step(Duration.ofMillis(199));
		StepVerifier.create(run(executor, List.of(remote))).verifyError(NoBackendAvailableException.class);
		clock.step(Duration.ofMillis(2));
		StepVerifier.create(run(executor, List.of(remote))).expectNext("remote").verifyComplete();
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void recordsRequestsTtftAndInflight() {
		StepVerifier.create(run(executor(RetryPolicy.none()), List.of(remote))).expectNext("remote").verifyComplete();
		assertThat(registry.counter("deepseek.requests", "backend", "remote", "model", "m", "outcome", "success", "error", "none").count()).isEqualTo(1);
		assertThat(registry.timer("deepseek.ttft", "backend", "remote", "model", "m").count()).isEqualTo(1);
		assertThat(registry.get("deepseek.inflight").tag("backend", "remote").gauge().value()).isZero();
	}

	@Test
	void cancellationReachesTheBackend() {
		boolean[] cancelled = { false };
		remote.then(() -> Flux.<ChatResponse>never().doOnCancel(() -> cancelled[0] = true));
		StepVerifier.create(run(executor(RetryPolicy.none()), List.of(remote))).thenAwait(Duration.ofMillis(20)).thenCancel().verify();
		assertThat(cancelled[0]).isTrue();
	}

}
