package io.github.deepseekspring.local.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.deepseekspring.local.Streams;

class StreamPublisherTests {

	private final ExecutorService executor = Executors.newCachedThreadPool();

	@AfterEach
	void stop() {
		executor.shutdownNow();
	}

	@Test
	void deliversOnlyWhatWasRequested() throws Exception {
		StreamPublisher<Integer> publisher = new StreamPublisher<>(executor, sink -> {
			for (int i = 0; i < 10; i++) {
				sink.next(i);
			}
		});
		List<Integer> received = new CopyOnWriteArrayList<>();
		CompletableFuture<Flow.Subscription> subscribed = new CompletableFuture<>();
		CompletableFuture<Void> completed = new CompletableFuture<>();
		publisher.subscribe(new Flow.Subscriber<>() {
			@Override
			public void onSubscribe(Flow.Subscription s) {
				subscribed.complete(s);
				s.request(3);
			}

			@Override
			public void onNext(Integer item) {
				received.add(item);
			}

			@Override
			public void onError(Throwable t) {
				completed.completeExceptionally(t);
			}

			@Override
			public void onComplete() {
				completed.complete(null);
			}
		});
		// wait for the three requested items, then give a fourth the chance to slip through
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (received.size() < 3 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		Thread.sleep(100);
		assertThat(received).containsExactly(0, 1, 2);
		assertThat(completed).isNotDone();
		subscribed.get().request(100);
		completed.get(5, TimeUnit.SECONDS);
		assertThat(received).hasSize(10);
	}

	@Test
	void cancelRunsTheAbortAndStopsTheSource() throws Exception {
		AtomicBoolean aborted = new AtomicBoolean();
		CompletableFuture<Boolean> sourceSawCancel = new CompletableFuture<>();
		StreamPublisher<Integer> publisher = new StreamPublisher<>(executor, sink -> {
			sink.onCancel(() -> aborted.set(true));
			try {
				for (int i = 0;; i++) {
					sink.next(i);
				}
			}
			finally {
				sourceSawCancel.complete(sink.isCancelled());
			}
		});
		Streams.Collector<Integer> collector = Streams.subscribe(publisher);
		while (collector.items.size() < 5) {
			Thread.onSpinWait();
		}
		collector.subscription.cancel();
		assertThat(sourceSawCancel.get(5, TimeUnit.SECONDS)).isTrue();
		assertThat(aborted).isTrue();
		assertThat(collector.finished).isNotDone();
	}

	@Test
	void nonPositiveRequestIsAnError() {
		StreamPublisher<Integer> publisher = new StreamPublisher<>(executor, sink -> sink.next(1));
		CompletableFuture<Throwable> error = new CompletableFuture<>();
		publisher.subscribe(new Flow.Subscriber<>() {
			@Override
			public void onSubscribe(Flow.Subscription s) {
				s.request(0);
			}

			@Override
			public void onNext(Integer item) {
			}

			@Override
			public void onError(Throwable t) {
				error.complete(t);
			}

			@Override
			public void onComplete() {
			}
		});
		assertThat(error).succeedsWithin(Duration.ofSeconds(5)).isInstanceOf(IllegalArgumentException.class);
	}

}
