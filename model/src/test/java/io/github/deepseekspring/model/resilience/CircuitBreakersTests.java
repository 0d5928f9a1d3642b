package io.github.deepseekspring.model.resilience;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.github.deepseekspring.model.api.DeepSeekApiException;
import io.github.deepseekspring.model.routing.BackendKind;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakersTests {

	@Test
	void eachBackendGetsOneBreakerEvenWhenFirstCallsRace() throws Exception {
		CircuitBreakers breakers = CircuitBreakers.defaults();
		Set<CircuitBreaker> seen = ConcurrentHashMap.newKeySet();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(8);
		for (int i = 0; i < 32; i++) {
			threads.submit(() -> {
				start.await();
				seen.add(breakers.of(BackendKind.REMOTE));
				return null;
			});
		}
		start.countDown();
		threads.shutdown();
		assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		assertThat(seen).hasSize(1);
		assertThat(breakers.of(BackendKind.LOCAL)).isNotSameAs(breakers.of(BackendKind.REMOTE));
		assertThat(breakers.of(BackendKind.REMOTE).getName()).isEqualTo("deepseek-remote");
	}

	@Test
	void onlyFailuresThatSayTheBackendIsUnwellCount() {
		assertThat(CircuitBreakers.isBackendFailure(new DeepSeekApiException(503, "code", "busy", null))).isTrue();
		assertThat(CircuitBreakers.isBackendFailure(new DeepSeekApiException(429, "code", "slow down", null))).isTrue();
		assertThat(CircuitBreakers.isBackendFailure(new DeepSeekApiException(400, "code", "bad", null))).isFalse();
		assertThat(CircuitBreakers.isBackendFailure(new DeepSeekApiException(402, "code", "balance", null))).isFalse();
	}

}
