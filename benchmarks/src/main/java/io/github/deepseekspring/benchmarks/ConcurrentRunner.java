package io.github.deepseekspring.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs a measured action a fixed number of times from N concurrent workers (virtual threads), bounded in count. */
final class ConcurrentRunner {

	private ConcurrentRunner() {
	}

	interface Action {

		void run() throws Exception;

	}

	/** An action that measures its own latency, e.g. time to the first token of a stream it reads to the end. */
	interface TimedAction {

		/** @return the latency to record, in nanoseconds */
		long run() throws Exception;

	}

	static LatencyStats measure(int concurrency, int requests, Action action) throws InterruptedException {
		return measureTimed(concurrency, requests, () -> {
			long start = System.nanoTime();
			action.run();
			return System.nanoTime() - start;
		});
	}

	static LatencyStats measureTimed(int concurrency, int requests, TimedAction action) throws InterruptedException {
		long[] latencies = new long[requests];
		AtomicInteger next = new AtomicInteger();
		AtomicInteger failures = new AtomicInteger();
		CountDownLatch done = new CountDownLatch(concurrency);
		try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int w = 0; w < concurrency; w++) {
				workers.execute(() -> {
					try {
						for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
							try {
								latencies[i] = action.run();
							}
							catch (Exception ex) {
								failures.incrementAndGet();
							}
						}
					}
					finally {
						done.countDown();
					}
				});
			}
			done.await();
		}
		if (failures.get() > 0) {
			throw new IllegalStateException(failures.get() + " of " + requests + " requests failed");
		}
		return LatencyStats.of(latencies);
	}

}
