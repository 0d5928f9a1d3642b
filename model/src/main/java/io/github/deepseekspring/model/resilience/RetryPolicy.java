package io.github.deepseekspring.model.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import io.github.deepseekspring.model.api.DeepSeekApiException;
import io.github.deepseekspring.model.api.DeepSeekTransportException;

/**
 * When and how long to wait before repeating a failed attempt on the same backend. 429 and 503 wait what the
 * server's {@code Retry-After} says; other retryable failures back off exponentially with jitter; 400, 401, 402 and
 * 422 are never retried; no retry starts after the deadline.
 *
 * @param maxAttempts attempts per backend, the first included
 * @param initialBackoff wait before the second attempt (before jitter)
 * @param maxBackoff cap of the exponential wait
 * @param multiplier growth per attempt
 * @param jitter share of the wait drawn at random, 0 to 1 (0.5: between 50% and 100% of the wait)
 * @param deadline total time budget of one call, retries and failover included
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
		double jitter, Duration deadline) {

	public RetryPolicy {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1");
		}
		if (jitter < 0 || jitter > 1) {
			throw new IllegalArgumentException("jitter must be between 0 and 1");
		}
		Objects.requireNonNull(initialBackoff);
		Objects.requireNonNull(maxBackoff);
		Objects.requireNonNull(deadline);
	}

	/** Three attempts, 500 ms doubling up to 10 s, half jitter, two-minute deadline. */
	public static RetryPolicy defaults() {
		return new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(10), 2.0, 0.5, Duration.ofMinutes(2));
	}

	/** No retries (failover still applies). */
	public static RetryPolicy none() {
		return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1, 0, Duration.ofMinutes(10));
	}

	/** Whether repeating the same request on the same backend can help. */
	public static boolean isRetryable(Throwable error) {
		if (error instanceof DeepSeekApiException api) {
			return api.isRetryable();
		}
		return error instanceof DeepSeekTransportException;
	}

	/** The wait before attempt {@code nextAttempt} (2 for the first retry). */
	public Duration backoff(int nextAttempt, Throwable error) {
		if (error instanceof DeepSeekApiException api && api.retryAfter().isPresent()
				&& (api.status() == 429 || api.status() == 503)) {
			return api.retryAfter().get();
		}
		double base = this.initialBackoff.toNanos() * Math.pow(this.multiplier, Math.max(0, nextAttempt - 2));
		double capped = Math.min(base, this.maxBackoff.toNanos());
		double factor = 1 - this.jitter * ThreadLocalRandom.current().nextDouble();
		return Duration.ofNanos((long) (capped * factor));
	}

}
