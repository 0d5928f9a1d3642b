package io.github.deepseekspring.rag.app.conversation;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;

/**
 * Appends that number rows per conversation with the next free number (max + 1). Two writers appending to one
 * conversation at once (two tabs, two replicas) read the same maximum; the unique (conversation, number) constraint
 * refuses the later insert, and the append is simply tried again, after a short random pause so that the two do not
 * collide again. Each attempt must be a transaction of its own: PostgreSQL aborts the transaction of a failed insert.
 */
public final class NumberedAppends {

	static final int ATTEMPTS = 10;

	private NumberedAppends() {
	}

	/** Runs the append, again while another writer took its number. */
	public static <T> T retryingCollisions(Supplier<T> append) {
		for (int attempt = 1;; attempt++) {
			try {
				return append.get();
			}
			catch (DuplicateKeyException ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
				pause(attempt);
			}
		}
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L + 2L * attempt));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while appending to a conversation", ex);
		}
	}

}
