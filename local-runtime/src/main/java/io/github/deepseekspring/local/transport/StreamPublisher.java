package io.github.deepseekspring.local.transport;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/**
 * A cold {@link Flow.Publisher} over a blocking source: each subscriber gets its own run of the source on the
 * executor, which waits for demand before each item (back-pressure) and stops when the subscription is cancelled.
 * Internal.
 * @param <T> item type
 */
public final class StreamPublisher<T> implements Flow.Publisher<T> {

	/** The blocking producer: pushes items into the sink; registers what aborts it on cancel. */
	@FunctionalInterface
	public interface Source<T> {
		void run(Sink<T> sink);
	}

	/** Where a source pushes items. */
	public interface Sink<T> {

		/** Blocks until the subscriber wants an item; throws {@link CancellationException} once cancelled. */
		void next(T item);

		/** Runs {@code abort} on cancel (at once if already cancelled); the latest registration wins. */
		void onCancel(Runnable abort);

		boolean isCancelled();

	}

	private final Executor executor;
	private final Source<T> source;

	public StreamPublisher(Executor executor, Source<T> source) {
		this.executor = executor;
		this.source = source;
	}

	@Override
	public void subscribe(Flow.Subscriber<? super T> subscriber) {
		Subscription<T> subscription = new Subscription<>(subscriber);
		subscriber.onSubscribe(subscription);
		executor.execute(() -> {
			try {
				source.run(subscription);
				if (!subscription.isCancelled()) {
					subscriber.onComplete();
				}
			}
			catch (CancellationException cancelled) {
				// the subscriber asked to stop; nothing more is signalled
			}
			catch (Throwable failure) {
				if (!subscription.isCancelled()) {
					subscriber.onError(failure);
				}
			}
		});
	}

	private static final class Subscription<T> implements Flow.Subscription, Sink<T> {

		private final Flow.Subscriber<? super T> subscriber;
		private long demand;
		private boolean cancelled;
		private Runnable abort;

		Subscription(Flow.Subscriber<? super T> subscriber) {
			this.subscriber = subscriber;
		}

		@Override
		public void request(long n) {
			if (n <= 0) {
				cancel();
				subscriber.onError(new IllegalArgumentException("request(n) needs n > 0 (rule 3.9), got " + n));
				return;
			}
			synchronized (this) {
				demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
				notifyAll();
			}
		}

		@Override
		public void cancel() {
			Runnable toRun;
			synchronized (this) {
				if (cancelled) {
					return;
				}
				cancelled = true;
				toRun = abort;
				notifyAll();
			}
			if (toRun != null) {
				toRun.run();
			}
		}

		@Override
		public void next(T item) {
			synchronized (this) {
				while (demand == 0 && !cancelled) {
					try {
						wait();
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						throw new CancellationException("interrupted");
					}
				}
				if (cancelled) {
					throw new CancellationException();
				}
				demand--;
			}
			subscriber.onNext(item);
		}

		@Override
		public void onCancel(Runnable abortAction) {
			boolean runNow;
			synchronized (this) {
				abort = abortAction;
				runNow = cancelled;
			}
			if (runNow) {
				abortAction.run();
			}
		}

		@Override
		public synchronized boolean isCancelled() {
			return cancelled;
		}

	}

}
