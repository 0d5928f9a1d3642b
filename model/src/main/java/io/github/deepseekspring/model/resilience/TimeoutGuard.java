package io.github.deepseekspring.model.resilience;

import java.time.Duration;
import java.util.function.Predicate;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies first-token, idle and total limits to a stream of events. Every event proves liveness (resets the idle
 * limit); only events the predicate calls tokens end the first-token wait.
 *
 * <p>An event only records its time: one timer per stream sleeps until the earliest deadline and, when it wakes,
 * checks whether events moved that deadline on. Scheduling and cancelling a timer per token, as Reactor's
 * {@code timeout(Publisher, Function)} does, costs a lock on the shared scheduler's queue for every token of every
 * concurrent stream.
 */
public final class TimeoutGuard {

	private TimeoutGuard() {
	}

	public static <T> Flux<T> guard(Flux<T> events, StreamTimeouts limits, Predicate<T> isToken) {
		return Flux.defer(() -> {
			Deadlines<T> deadlines = new Deadlines<>(limits, isToken);
			return events.doOnNext(deadlines::seen)
				.takeUntilOther(deadlines.expiry())
				.concatWith(Mono.defer(deadlines::outcome));
		});
	}

	private static final class Deadlines<T> {

		private final StreamTimeouts limits;

		private final Predicate<T> isToken;

		private final long start = System.nanoTime();

		private volatile long lastEvent = this.start;

		private volatile boolean tokenSeen;

		private volatile BackendTimeoutException expired;

		Deadlines(StreamTimeouts limits, Predicate<T> isToken) {
			this.limits = limits;
			this.isToken = isToken;
		}

		void seen(T event) {
			this.lastEvent = System.nanoTime();
			if (!this.tokenSeen && this.isToken.test(event)) {
				this.tokenSeen = true;
			}
		}

		/** Emits once a limit has passed; sleeps again while events keep moving the deadline on. */
		Mono<Long> expiry() {
			return Mono.defer(() -> {
				long idleAt = this.lastEvent + this.limits.idle().toNanos();
				long totalAt = this.start + this.limits.total().toNanos();
				long at = idleAt;
				String kind = "idle";
				Duration limit = this.limits.idle();
				if (totalAt - at < 0) {
					at = totalAt;
					kind = "total";
					limit = this.limits.total();
				}
				long firstTokenAt = this.start + this.limits.firstToken().toNanos();
				if (!this.tokenSeen && firstTokenAt - at < 0) {
					at = firstTokenAt;
					kind = "first-token";
					limit = this.limits.firstToken();
				}
				long wait = at - System.nanoTime();
				if (wait <= 0) {
					this.expired = new BackendTimeoutException(kind, limit);
					return Mono.just(0L);
				}
				return Mono.delay(Duration.ofNanos(wait)).then(expiry());
			});
		}

		Mono<T> outcome() {
			BackendTimeoutException timeout = this.expired;
			return timeout != null ? Mono.error(timeout) : Mono.empty();
		}

	}

}
