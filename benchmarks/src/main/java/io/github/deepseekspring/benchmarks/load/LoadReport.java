package io.github.deepseekspring.benchmarks.load;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/** The figures of one load level, as BENCHMARKS.md reports them. */
final class LoadReport {

	private LoadReport() {
	}

	static void print(int customers, int directClients, List<StreamSample> chats, List<StreamSample> direct,
			long holdStart, long deadline, ConcurrentChatsBenchmark.Sampler sampler) {
		List<StreamSample> held = inHold(chats, holdStart, deadline);
		List<StreamSample> heldDirect = inHold(direct, holdStart, deadline);
		Map<String, Long> errors = chats.stream()
			.filter((sample) -> !sample.ok())
			.collect(Collectors.groupingBy(StreamSample::error, TreeMap::new, Collectors.counting()));
		long queued = chats.stream().filter(StreamSample::queued).count();
		System.out.printf("streams: %d in all, %d asked for during the hold; errors %d %s; %d waited in line%n",
				chats.size(), held.size(), errors.values().stream().mapToLong(Long::longValue).sum(), errors, queued);
		long[] app = okNanos(held, StreamSample::firstTokenNanos);
		long[] simulator = okNanos(heldDirect, StreamSample::firstTokenNanos);
		long[] firstEvent = okNanos(held, StreamSample::firstEventNanos);
		long[] whole = okNanos(held, StreamSample::endNanos);
		if (app.length == 0 || simulator.length == 0) {
			System.out.println("no complete streams in the hold: nothing to report");
			return;
		}
		double appP50 = percentile(app, 50);
		double appP99 = percentile(app, 99);
		double simP50 = percentile(simulator, 50);
		double simP99 = percentile(simulator, 99);
		System.out.printf("first answer token: app p50 %.0f ms, p99 %.0f ms (n=%d); simulator's own p50 %.0f ms, "
				+ "p99 %.0f ms (n=%d, %d clients)%n", appP50, appP99, app.length, simP50, simP99, simulator.length,
				directClients);
		System.out.printf("ADDED BY THE APP: p50 %+.0f ms, p99 %+.0f ms%n", appP50 - simP50, appP99 - simP99);
		for (boolean followUp : new boolean[] { false, true }) {
			long[] kind = okNanos(held.stream().filter((sample) -> sample.followUp() == followUp).toList(),
					StreamSample::firstTokenNanos);
			if (kind.length > 0) {
				System.out.printf("  %s: added p50 %+.0f ms, p99 %+.0f ms (n=%d)%n",
						followUp ? "follow-up questions" : "first questions", percentile(kind, 50) - simP50,
						percentile(kind, 99) - simP99, kind.length);
			}
		}
		System.out.printf("first event (place in line or meta): p50 %.0f ms, p99 %.0f ms; whole answer p50 %.1f s%n",
				percentile(firstEvent, 50), percentile(firstEvent, 99), percentile(whole, 50) / 1000);
		System.out.printf("app: streams in flight max %.0f, heap max %.0f MiB (%.0f MiB after the run), live threads "
				+ "max %.0f (JMX's own included), CPU %.2f cores during the hold%n", sampler.maxStreams.get(),
				sampler.maxHeap.get() / (1 << 20), sampler.heapAfterRun / (1 << 20), sampler.maxThreads.get(),
				sampler.holdCpu.toNanos() / (double) (deadline - holdStart));
	}

	private static List<StreamSample> inHold(List<StreamSample> samples, long holdStart, long deadline) {
		return samples.stream()
			.filter((sample) -> sample.startNanos() >= holdStart && sample.startNanos() < deadline)
			.toList();
	}

	private static long[] okNanos(List<StreamSample> samples, ToLongFunction<StreamSample> value) {
		return samples.stream().filter(StreamSample::ok).mapToLong(value).filter((nanos) -> nanos > 0).sorted().toArray();
	}

	/** In milliseconds, from sorted nanoseconds. */
	private static double percentile(long[] sorted, double percentile) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
	}

}
