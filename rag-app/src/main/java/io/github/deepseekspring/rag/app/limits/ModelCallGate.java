package io.github.deepseekspring.rag.app.limits;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The global cap on model calls in flight, with a short bounded queue in front of it. A caller that gets a permit
 * must {@link #release()} it exactly once.
 */
final class ModelCallGate {

	private final Semaphore permits;

	private final int maxCalls;

	private final int queue;

	private final long queueTimeoutNanos;

	private final AtomicInteger waiting = new AtomicInteger();

	ModelCallGate(LimitsProperties.Concurrency concurrency) {
		this.maxCalls = concurrency.maxCalls();
		this.permits = new Semaphore(concurrency.maxCalls(), true);
		this.queue = concurrency.queue();
		this.queueTimeoutNanos = concurrency.queueTimeout().toNanos();
	}

	/** Whether the caller got a slot, at once or after waiting in the queue. */
	boolean acquire() throws InterruptedException {
		if (this.permits.tryAcquire()) {
			return true;
		}
		if (this.waiting.incrementAndGet() > this.queue) {
			this.waiting.decrementAndGet();
			return false;
		}
		try {
			return this.permits.tryAcquire(this.queueTimeoutNanos, TimeUnit.NANOSECONDS);
		}
		finally {
			this.waiting.decrementAndGet();
		}
	}

	void release() {
		this.permits.release();
	}

	/** Model calls in flight now. */
	int inFlight() {
		return this.maxCalls - this.permits.availablePermits();
	}

	/** Requests waiting for a slot now. */
	int waiting() {
		return this.waiting.get();
	}

}
