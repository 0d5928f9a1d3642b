package io.github.deepseekspring.local;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Collects a stream in tests: every item, then completion or the error. */
public final class Streams {

	private Streams() {
	}

	public static <T> List<T> collect(Flow.Publisher<T> publisher) {
		Collector<T> collector = new Collector<>();
		publisher.subscribe(collector);
		try {
			collector.finished.get(5, TimeUnit.MINUTES);
			return collector.items;
		}
		catch (ExecutionException e) {
			throw (RuntimeException) e.getCause();
		}
		catch (InterruptedException | TimeoutException e) {
			throw new AssertionError("stream did not finish", e);
		}
	}

	/** Items so far plus the terminal error, for asserting what arrived before a failure. */
	public static <T> Collector<T> subscribe(Flow.Publisher<T> publisher) {
		Collector<T> collector = new Collector<>();
		publisher.subscribe(collector);
		return collector;
	}

	/** A subscriber that requests everything. */
	public static final class Collector<T> implements Flow.Subscriber<T> {

		public final List<T> items = new CopyOnWriteArrayList<>();
		public final CompletableFuture<Void> finished = new CompletableFuture<>();
		public volatile Flow.Subscription subscription;

		@Override
		public void onSubscribe(Flow.Subscription s) {
			subscription = s;
			s.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(T item) {
			items.add(item);
		}

		@Override
		public void onError(Throwable throwable) {
			finished.completeExceptionally(throwable);
		}

		@Override
		public void onComplete() {
			finished.complete(null);
		}

		public Throwable awaitError(Duration timeout) {
			try {
				finished.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
				throw new AssertionError("stream completed without error: " + items);
			}
			catch (ExecutionException e) {
				return e.getCause();
			}
			catch (InterruptedException | TimeoutException e) {
				throw new AssertionError("stream did not fail in time", e);
			}
		}

	}

}
