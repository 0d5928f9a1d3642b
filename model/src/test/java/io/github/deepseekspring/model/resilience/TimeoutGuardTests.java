package io.github.deepseekspring.model.resilience;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class TimeoutGuardTests {

	private static final StreamTimeouts LIMITS = new StreamTimeouts(Duration.ofSeconds(1), Duration.ofMillis(400),
			Duration.ofMillis(150), Duration.ofSeconds(2));

	@Test
	void keepAlivesProveLivenessButAreNotTokens() {
		// keep-alives every 50 ms satisfy the idle limit, but no token within 400 ms ends the wait
		Flux<String> keepAlives = Flux.interval(Duration.ofMillis(50)).map(i -> "keep-alive");
		StepVerifier.create(TimeoutGuard.guard(keepAlives, LIMITS, "token"::equals))
			.thenConsumeWhile(e -> true)
			.verifyErrorMatches(e -> e instanceof BackendTimeoutException && e.getMessage().startsWith("first-token"));
	}

	@Test
	void silenceBetweenChunksHitsTheIdleLimit() {
		Flux<String> stalls = Flux.concat(Flux.just("token"), Flux.<String>never());
		StepVerifier.create(TimeoutGuard.guard(stalls, LIMITS, "token"::equals))
			.expectNext("token")
			.verifyErrorMatches(e -> e.getMessage().startsWith("idle"));
	}

	@Test
	void queuedThenAnsweredPassesWhenKeepAlivesKeepComing() {
		Flux<String> queued = Flux.interval(Duration.ofMillis(40)).take(5).map(i -> "keep-alive")
			.concatWith(Flux.just("token", "token"));
		StepVerifier.create(TimeoutGuard.guard(queued, LIMITS, "token"::equals))
			.expectNextCount(7)
			.verifyComplete();
	}

	@Test
	void steadyTokensStillStopAtTheTotalLimit() {
		StreamTimeouts limits = new StreamTimeouts(Duration.ofSeconds(1), Duration.ofMillis(400),
				Duration.ofMillis(150), Duration.ofMillis(500));
		Flux<String> endless = Flux.interval(Duration.ofMillis(20)).map(i -> "token");
		StepVerifier.create(TimeoutGuard.guard(endless, limits, "token"::equals))
			.thenConsumeWhile(e -> true)
			.verifyErrorMatches(e -> e instanceof BackendTimeoutException && e.getMessage().startsWith("total"));
	}

	@Test
	void cancellingTheGuardedStreamCancelsItsSource() {
		AtomicBoolean cancelled = new AtomicBoolean();
		Flux<String> source = Flux.interval(Duration.ofMillis(10)).map(i -> "token").doOnCancel(() -> cancelled.set(true));
		StepVerifier.create(TimeoutGuard.guard(source, LIMITS, "token"::equals)).expectNext("token").thenCancel().verify();
		assertThat(cancelled).isTrue();
	}

}
