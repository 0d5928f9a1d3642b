package io.github.deepseekspring.model.sim;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waits for what a test expects to happen instead of for a length of time: on a loaded machine events come late,
 * never early. {@link #PATIENCE} only bounds how long a test that is going to fail takes to say so.
 */
final class Events {

	/** How long to wait for an event that should come. */
	static final Duration PATIENCE = Duration.ofSeconds(30);

	private Events() {
	}

	/** Subscribes, waits for the first element, then cancels, as a client that goes away mid-stream does. */
	static <T> Disposable disposeAfterFirst(Flux<T> stream) {
		CountDownLatch first = new CountDownLatch(1);
		Disposable subscription = stream.subscribe(item -> first.countDown());
		try {
			assertThat(first.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).as("a first element arrived").isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
		subscription.dispose();
		return subscription;
	}

}
