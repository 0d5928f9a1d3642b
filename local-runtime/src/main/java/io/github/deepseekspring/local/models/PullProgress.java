package io.github.deepseekspring.local.models;

/**
 * One progress report of {@code /api/pull}.
 * @param endpoint the endpoint pulling
 * @param status e.g. {@code pulling manifest}, {@code pulling 1a2b…}, {@code success}
 * @param digest layer digest, or null
 * @param completedBytes bytes done of this layer
 * @param totalBytes bytes of this layer, 0 when unknown
 */
public record PullProgress(String endpoint, String status, String digest, long completedBytes, long totalBytes) {

	/** Fraction done in [0, 1], or -1 when the total is unknown. */
	public double fraction() {
		return totalBytes <= 0 ? -1 : Math.min(1.0, (double) completedBytes / totalBytes);
	}

	public boolean isSuccess() {
		return "success".equals(status);
	}

}
