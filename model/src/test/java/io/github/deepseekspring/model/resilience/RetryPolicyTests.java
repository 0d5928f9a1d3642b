package io.github.deepseekspring.model.resilience;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import io.github.deepseekspring.model.api.DeepSeekApiException;
import io.github.deepseekspring.model.api.DeepSeekTransportException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTests {

	private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(350), 2, 0.5,
			Duration.ofSeconds(30));

	@Test
	void backoffGrowsExponentiallyWithJitterAndACap() {
		Set<Duration> seen = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			Duration first = policy.backoff(2, new DeepSeekTransportException("reset"));
			Duration second = policy.backoff(3, DeepSeekApiException.of(500, null, "x", null));
			Duration capped = policy.backoff(5, DeepSeekApiException.of(503, null, "x", null));
			assertThat(first).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
			assertThat(second).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
			assertThat(capped).isBetween(Duration.ofMillis(175), Duration.ofMillis(350));
			seen.add(first);
		}
		assertThat(seen).as("jittered, not a fixed wait").hasSizeGreaterThan(10);
	}

	@Test
	void retryAfterWinsFor429And503() {
		assertThat(policy.backoff(2, DeepSeekApiException.of(429, null, "x", Duration.ofSeconds(7)))).isEqualTo(Duration.ofSeconds(7));
		assertThat(policy.backoff(2, DeepSeekApiException.of(503, null, "x", Duration.ofSeconds(3)))).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void onlyTransientFailuresAreRetryable() {
		assertThat(RetryPolicy.isRetryable(new DeepSeekTransportException("refused"))).isTrue();
		for (int status : new int[] { 429, 500, 502, 503 }) {
			assertThat(RetryPolicy.isRetryable(DeepSeekApiException.of(status, null, "x", null))).as("%d", status).isTrue();
		}
		for (int status : new int[] { 400, 401, 402, 422 }) {
			assertThat(RetryPolicy.isRetryable(DeepSeekApiException.of(status, null, "x", null))).as("%d", status).isFalse();
		}
		assertThat(RetryPolicy.isRetryable(new IllegalStateException())).isFalse();
	}

}
