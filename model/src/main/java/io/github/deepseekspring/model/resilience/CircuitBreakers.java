package io.github.deepseekspring.model.resilience;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

import io.github.deepseekspring.model.api.DeepSeekApiException;
import io.github.deepseekspring.model.api.DeepSeekProtocolException;
import io.github.deepseekspring.model.api.DeepSeekTransportException;
import io.github.deepseekspring.model.routing.BackendKind;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * One resilience4j circuit breaker per backend. Only failures that say the backend is unwell count (connection
 * errors, timeouts, 5xx, 429, answers that cannot be read); a bad request (400/401/402/422) says nothing about the backend and is ignored.
 *
 * <p>Breakers are built on the first call of their backend, not at start-up: resilience4j's classes then load
 * when the application first talks to a model, which keeps the starter's share of start-up time small.
 */
public final class CircuitBreakers {

	private final Supplier<CircuitBreakerConfig> config;

	private final AtomicReferenceArray<CircuitBreaker> breakers = new AtomicReferenceArray<>(
			BackendKind.values().length);

	public CircuitBreakers(CircuitBreakerConfig config) {
		this(() -> config);
	}

	private CircuitBreakers(Supplier<CircuitBreakerConfig> config) {
		this.config = config;
	}

	/**
	 * A config opening at 50% failures over the last {@code window} calls (at least {@code window / 2} calls) and
	 * probing again after {@code openFor}.
	 */
	public static CircuitBreakerConfig config(int window, Duration openFor) {
		return config(window, openFor, Clock.systemUTC());
	}

	/**
	 * Like {@link #config(int, Duration)}, with the clock that decides when an open breaker probes again: tests move
	 * it forward instead of sleeping through {@code openFor}.
	 */
	public static CircuitBreakerConfig config(int window, Duration openFor, Clock clock) {
		return CircuitBreakerConfig.custom()
			.clock(clock)
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(window)
			.minimumNumberOfCalls(Math.max(1, window / 2))
			.failureRateThreshold(50)
			.waitDurationInOpenState(openFor)
			.permittedNumberOfCallsInHalfOpenState(1)
			.recordException(CircuitBreakers::isBackendFailure)
			.build();
	}

	public static CircuitBreakers defaults() {
		return of(10, Duration.ofSeconds(30));
	}

	/** Breakers with {@link #config(int, Duration)}, built on each backend's first call. */
	public static CircuitBreakers of(int window, Duration openFor) {
		return new CircuitBreakers(() -> config(window, openFor));
	}

	static boolean isBackendFailure(Throwable error) {
		if (error instanceof DeepSeekApiException api) {
			return api.status() == 429 || api.status() >= 500;
		}
		return error instanceof DeepSeekTransportException || error instanceof DeepSeekProtocolException;
	}

	/** The breaker of a backend. */
	public CircuitBreaker of(BackendKind kind) {
		CircuitBreaker breaker = this.breakers.get(kind.ordinal());
		if (breaker == null) {
			this.breakers.compareAndSet(kind.ordinal(), null,
					CircuitBreaker.of("deepseek-" + kind.tag(), this.config.get()));
			breaker = this.breakers.get(kind.ordinal());
		}
		return breaker;
	}

}
