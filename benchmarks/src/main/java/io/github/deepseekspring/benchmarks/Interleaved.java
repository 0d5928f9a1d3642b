package io.github.deepseekspring.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs requests from N concurrent workers (virtual threads), the clients taking turns request by request, so that
 * every client meets the same load, the same JIT state and the same noise; returns each client's latencies.
 */
final class Interleaved {

	private Interleaved() {
	}

	/** A request that measures its own latency, in nanoseconds. */
	interface Timed {

		long run() throws Exception;

	}

	/**
	 * @param requests requests in all (each client gets an equal share)
	 * @param stream whether to time the clients' streams rather than their calls
	 */
	static List<LatencyStats> run(List<ModelOverheadBenchmark.Client> clients, int concurrency, int requests,
			boolean stream) throws InterruptedException {
		int count = clients.size();
		long[][] latencies = new long[count][requests / count];
		AtomicInteger next = new AtomicInteger();
		AtomicInteger failures = new AtomicInteger();
		List<String> firstFailure = new ArrayList<>();
		CountDownLatch done = new CountDownLatch(concurrency);
		try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int w = 0; w < concurrency; w++) {
				workers.execute(() -> {
					try {
						for (int i = next.getAndIncrement(); i < (requests / count) * count; i = next.getAndIncrement()) {
							ModelOverheadBenchmark.Client client = clients.get(i % count);
							try {
								latencies[i % count][i / count] = (stream ? client.stream() : client.call()).run();
							}
							catch (Exception ex) {
								failures.incrementAndGet();
								synchronized (firstFailure) {
									if (firstFailure.isEmpty()) {
										firstFailure.add(client.name() + ": " + ex);
									}
								}
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
			throw new IllegalStateException(failures.get() + " of " + requests + " requests failed, first " + firstFailure);
		}
		List<LatencyStats> stats = new ArrayList<>();
		for (long[] client : latencies) {
			stats.add(LatencyStats.of(client));
		}
		return stats;
	}

}
