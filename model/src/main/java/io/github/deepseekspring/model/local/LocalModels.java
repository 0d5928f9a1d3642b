package io.github.deepseekspring.model.local;

import java.util.function.Consumer;

/**
 * The models of the local runtime, as an application may manage them: pulling (downloading) one, with its progress.
 * The starter's public way to it, so that an application needs none of the local runtime client's types. A bean when a
 * local runtime is configured ({@code deepseek.local.base-url}).
 */
public interface LocalModels {

	/**
	 * Pulls {@code model} onto the local runtime (on every endpoint of its pool that may serve it), returning when it is
	 * there.
	 * @param model the model's name, e.g. {@code deepseek-r1:7b}
	 * @param progress told each progress report of the download, on the calling thread
	 * @throws RuntimeException when the runtime cannot be reached or refuses the model
	 */
	void pull(String model, Consumer<PullStatus> progress);

	/**
	 * One progress report of a pull.
	 * @param endpoint the endpoint pulling
	 * @param status what it does, e.g. {@code pulling manifest}, {@code pulling 1a2b3c…}, {@code success}
	 * @param completedBytes bytes done of the layer being downloaded
	 * @param totalBytes bytes of that layer, 0 when unknown
	 */
	record PullStatus(String endpoint, String status, long completedBytes, long totalBytes) {

		/** Fraction done in [0, 1], or -1 when the total is unknown. */
		public double fraction() {
			return (this.totalBytes <= 0) ? -1 : Math.min(1.0, (double) this.completedBytes / this.totalBytes);
		}

		/** Whether this is the last report of a pull that succeeded. */
		public boolean success() {
			return "success".equals(this.status);
		}

	}

}
