package io.github.deepseekspring.benchmarks.load;

/**
 * What one streamed answer did, in nanoseconds since it was asked for.
 *
 * @param startNanos {@link System#nanoTime()} when it was asked for
 * @param firstEventNanos time to the first event of any kind (a place in line, meta, reasoning), 0 when none came
 * @param firstTokenNanos time to the first answer token, 0 when none came
 * @param endNanos time to the end of the stream
 * @param error what went wrong (a status, {@code error event}, {@code no done}, an exception), or null
 * @param queued whether it waited in line
 * @param followUp whether it answered a follow-up question (searched in more wordings, with the model's rewrite)
 */
record StreamSample(long startNanos, long firstEventNanos, long firstTokenNanos, long endNanos, String error,
		boolean queued, boolean followUp) {

	boolean ok() {
		return this.error == null;
	}

}
