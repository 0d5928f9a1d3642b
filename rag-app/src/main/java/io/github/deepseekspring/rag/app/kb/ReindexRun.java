package io.github.deepseekspring.rag.app.kb;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;

/**
 * Whether a re-index runs in this instance: two at once would embed every document twice for nothing. (Another
 * replica may run its own; each document still switches atomically, so the last one wins with the same vectors.)
 */
@Component
class ReindexRun {

	private final AtomicBoolean running = new AtomicBoolean();

	/** Marks a re-index as started; false when one runs already. */
	boolean start() {
		return this.running.compareAndSet(false, true);
	}

	void finish() {
		this.running.set(false);
	}

}
