package io.github.deepseekspring.model.resilience;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.deepseekspring.model.api.DeepSeekApiException;
import io.github.deepseekspring.model.chat.DeepSeekUsage;
import io.github.deepseekspring.model.metrics.DeepSeekMetrics;
import io.github.deepseekspring.model.routing.ChatBackend;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.ai.chat.model.ChatResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a request on an ordered list of backends with retries, circuit breakers and failover. The rule that matters:
 * once one element has reached the caller, nothing is retried or failed over: an error then ends the stream with an
 * error signal, because restarting would show the caller a second, different answer.
 */
public final class ResilientExecutor {

	private final RetryPolicy policy;

	private final CircuitBreakers breakers;

	private final DeepSeekMetrics metrics;

	public ResilientExecutor(RetryPolicy policy, CircuitBreakers breakers, DeepSeekMetrics metrics) {
		this.policy = Objects.requireNonNull(policy);
		this.breakers = Objects.requireNonNull(breakers);
		this.metrics = Objects.requireNonNull(metrics);
	}

	/**
	 * Runs {@code operation} on the first backend that accepts it.
	 * @param order backends in order of preference (not empty)
	 * @param model model name for metric tags
	 * @param operation what to run on one backend
	 */
	public <T> Flux<T> execute(List<ChatBackend> order, String model, Function<ChatBackend, Flux<T>> operation) {
		return execute(order, model, operation, backend -> {
		});
	}

	/**
	 * Like {@link #execute(List, String, Function)}, telling {@code onAnswering} which backend delivered the first
	 * element.
	 */
	public <T> Flux<T> execute(List<ChatBackend> order, String model, Function<ChatBackend, Flux<T>> operation,
			Consumer<ChatBackend> onAnswering) {
		if (order.isEmpty()) {
			return Flux.error(new NoBackendAvailableException("no backend configured for this request"));
		}
		return Flux.defer(() -> {
			long deadline = System.nanoTime() + this.policy.deadline().toNanos();
			return attempt(new Attempt<>(order, model, operation, deadline, new AtomicBoolean(), onAnswering), 0, 1);
		});
	}

	private <T> Flux<T> attempt(Attempt<T> a, int index, int attemptNumber) {
		ChatBackend backend = a.order.get(index);
		CircuitBreaker breaker = this.breakers.of(backend.kind());
		if (!breaker.tryAcquirePermission()) {
			CallNotPermittedException open = CallNotPermittedException.createCallNotPermittedException(breaker);
			this.metrics.error(backend.kind(), a.model, open);
			return next(a, index, open);
		}
		long start = System.nanoTime();
		AtomicBoolean firstSeen = new AtomicBoolean();
		return Flux.defer(() -> {
			this.metrics.started(backend.kind());
			return a.operation.apply(backend);
		}).doOnNext(item -> {
			if (firstSeen.compareAndSet(false, true)) {
				a.delivered.set(true);
				a.onAnswering.accept(backend);
				this.metrics.timeToFirstToken(backend.kind(), a.model, Duration.ofNanos(System.nanoTime() - start));
			}
			if (item instanceof ChatResponse response && response.getMetadata().getUsage() instanceof DeepSeekUsage usage) {
				this.metrics.usage(backend.kind(), modelOf(response, a.model), usage);
			}
		}).doOnComplete(() -> {
			breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			this.metrics.success(backend.kind(), a.model);
		}).doOnCancel(() -> {
			if (firstSeen.get()) {
				breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			}
			else {
				breaker.releasePermission();
			}
			this.metrics.cancelled(backend.kind(), a.model);
		}).doOnError(error -> {
			breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, error);
			this.metrics.error(backend.kind(), a.model, error);
		}).doFinally(signal -> this.metrics.finished(backend.kind())).onErrorResume(error -> {
			if (a.delivered.get()) {
				return Flux.error(error);
			}
			if (RetryPolicy.isRetryable(error) && attemptNumber < this.policy.maxAttempts()) {
				Duration wait = this.policy.backoff(attemptNumber + 1, error);
				if (System.nanoTime() + wait.toNanos() < a.deadline) {
					return Mono.delay(wait).thenMany(Flux.defer(() -> attempt(a, index, attemptNumber + 1)));
				}
			}
			return next(a, index, error);
		});
	}

	private <T> Flux<T> next(Attempt<T> a, int index, Throwable error) {
		boolean more = index + 1 < a.order.size();
		if (more && failsOver(error) && System.nanoTime() < a.deadline) {
			this.metrics.failover(a.order.get(index).kind(), a.order.get(index + 1).kind());
			return attempt(a, index + 1, 1);
		}
		if (error instanceof CallNotPermittedException) {
			return Flux.error(new NoBackendAvailableException(
					"no backend available: circuit open for " + a.order.get(index).kind().tag(), error));
		}
		return Flux.error(error);
	}

	/** A malformed request (400/422) fails the same everywhere; anything else may work on another backend. */
	private static boolean failsOver(Throwable error) {
		return !(error instanceof DeepSeekApiException api && (api.status() == 400 || api.status() == 422));
	}

	private static String modelOf(ChatResponse response, String fallback) {
		String model = response.getMetadata().getModel();
		return model == null || model.isEmpty() ? fallback : model;
	}

	private record Attempt<T>(List<ChatBackend> order, String model, Function<ChatBackend, Flux<T>> operation,
			long deadline, AtomicBoolean delivered, Consumer<ChatBackend> onAnswering) {
	}

}
