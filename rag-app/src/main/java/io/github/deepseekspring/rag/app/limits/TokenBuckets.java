package io.github.deepseekspring.rag.app.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per client: {@code burst} tokens, refilled at {@code requestsPerMinute}. Memory is bounded by
 * forgetting clients whose bucket is full again (they would start from a full bucket anyway).
 */
final class TokenBuckets {

	private final double capacity;

	private final double tokensPerNano;

	private final int maxClients;

	private final LongSupplier nanoTime;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	TokenBuckets(LimitsProperties.Rate rate, LongSupplier nanoTime) {
		this.capacity = rate.burst();
		this.tokensPerNano = rate.requestsPerMinute() / (double) Duration.ofMinutes(1).toNanos();
		this.maxClients = rate.maxClients();
		this.nanoTime = nanoTime;
	}

	/**
	 * Takes a token for the client.
	 * @return {@link Duration#ZERO} when granted, else how long until the next token
	 */
	Duration take(String client) {
		long now = this.nanoTime.getAsLong();
		if (this.buckets.size() >= this.maxClients && !this.buckets.containsKey(client)) {
			forgetIdle(now);
		}
		return this.buckets.computeIfAbsent(client, (c) -> new Bucket(this.capacity, now)).take(now);
	}

	int clients() {
		return this.buckets.size();
	}

	private void forgetIdle(long now) {
		this.buckets.values().removeIf((bucket) -> bucket.fullAt(now));
		if (this.buckets.size() >= this.maxClients) {
			// Everyone is busy: drop arbitrary ones rather than grow without bound.
			this.buckets.keySet().stream().limit(this.maxClients / 10 + 1).toList().forEach(this.buckets::remove);
		}
	}

	private final class Bucket {

		private double tokens;

		private long updated;

		Bucket(double tokens, long now) {
			this.tokens = tokens;
			this.updated = now;
		}

		synchronized Duration take(long now) {
			refill(now);
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return Duration.ZERO;
			}
			return Duration.ofNanos((long) Math.ceil((1 - this.tokens) / TokenBuckets.this.tokensPerNano));
		}

		synchronized boolean fullAt(long now) {
			refill(now);
			return this.tokens >= TokenBuckets.this.capacity;
		}

		private void refill(long now) {
			long elapsed = now - this.updated;
			if (elapsed > 0) {
				this.tokens = Math.min(TokenBuckets.this.capacity,
						this.tokens + elapsed * TokenBuckets.this.tokensPerNano);
				this.updated = now;
			}
		}

	}

}
