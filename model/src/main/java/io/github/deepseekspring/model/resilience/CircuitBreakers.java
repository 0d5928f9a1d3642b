package io.github.deepseekspring.model.resilience;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.github.deepseekspring.model.api.DeepSeekApiException;
import io.github.deepseekspring.model.api.DeepSeekTransportException;
import io.github.deepseekspring.model.routing.BackendKind;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * One resilience4j circuit breaker per backend. Only failures that say the backend is unwell count (connection
 * errors, timeouts, 5xx, 429); a bad request (400/401/402/422) says nothing about the backend and is ignored.
 */
public final class CircuitBreakers {

	private final Map<BackendKind, CircuitBreaker> breakers = new EnumMap<>(BackendKind.class);

	public CircuitBreakers(CircuitBreakerConfig config) {
		for (BackendKind kind : BackendKind.values()) {
			this.breakers.put(kind, CircuitBreaker.of("deepseek-" + kind.tag(), config));
		}
	}

	/**
	 * A config opening at 50% failures over the last {@code window} calls (at least {@code window / 2} calls) and
	 * probing again after {@code openFor}.
	 */
	public static CircuitBreakerConfig config(int window, Duration openFor) {
		return CircuitBreakerConfig.custom()
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
		return new CircuitBreakers(config(10, Duration.ofSeconds(30)));
	}

	static boolean isBackendFailure(Throwable error) {
		if (error instanceof DeepSeekApiException api) {
			return api.status() == 429 || api.status() >= 500;
		}
		return error instanceof DeepSeekTransportException;
	}

	/** The breaker of a backend. */
	public CircuitBreaker of(BackendKind kind) {
		return this.breakers.get(kind);
	}

}
