package io.github.deepseekspring.benchmarks;

import java.util.Arrays;

/** Percentiles of a set of latencies in nanoseconds. */
record LatencyStats(long[] sortedNanos) {

	static LatencyStats of(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return new LatencyStats(sorted);
	}

	double percentileMillis(double percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * this.sortedNanos.length) - 1;
		return this.sortedNanos[Math.max(0, Math.min(index, this.sortedNanos.length - 1))] / 1_000_000.0;
	}

	String summary() {
		return String.format("p50 %.3f ms, p99 %.3f ms (n=%d)", percentileMillis(50), percentileMillis(99),
				this.sortedNanos.length);
	}

}
