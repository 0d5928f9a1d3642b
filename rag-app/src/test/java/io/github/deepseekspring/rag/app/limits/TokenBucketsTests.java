package io.github.deepseekspring.rag.app.limits;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTests {

	private final AtomicLong now = new AtomicLong();

	@Test
	void forgetsIdleClientsToStayBounded() {
		TokenBuckets buckets = new TokenBuckets(new LimitsProperties.Rate(60, 2, 100), this.now::get);
		for (int i = 0; i < 1000; i++) {
			assertThat(buckets.take("ip:" + i)).isZero();
			this.now.addAndGet(Duration.ofSeconds(1).toNanos());
		}
		assertThat(buckets.clients()).isLessThanOrEqualTo(100);
	}

	@Test
	void waitIsTheTimeToTheNextToken() {
		TokenBuckets buckets = new TokenBuckets(new LimitsProperties.Rate(60, 1, 0), this.now::get);
		assertThat(buckets.take("a")).isZero();
		assertThat(buckets.take("a")).isEqualTo(Duration.ofSeconds(1));
		this.now.addAndGet(Duration.ofMillis(400).toNanos());
		assertThat(buckets.take("a")).isEqualTo(Duration.ofMillis(600));
	}

}
