package io.github.deepseekspring.model.resilience;

import java.time.Duration;
import java.util.function.Predicate;

import io.github.deepseekspring.model.timer.CoarseTimer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies first-token, idle and total limits to a stream of events. Every event proves liveness (resets the idle
 * limit); only events the predicate calls tokens end the first-token wait.
 *
 * <p>An event only records its time; the shared {@link CoarseTimer} compares the deadlines with the clock on each of
 * its ticks. Scheduling and cancelling a timer per token, as Reactor's {@code timeout(Publisher, Function)} does, or
 * even one per stream, costs scheduler-queue operations and thread wake-ups for every concurrent stream.
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

	/** Fails {@code call} with a {@link BackendTimeoutException} when it has not answered within {@code total}. */
	public static <T> Mono<T> within(Mono<T> call, Duration total) {
		return call.timeout(CoarseTimer.shared().delay(total),
				Mono.error(() -> new BackendTimeoutException("total", total)));
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

		/** Emits once a limit has passed. */
		Mono<Long> expiry() {
			return CoarseTimer.shared().when(this::passed);
		}

		/** Whether a limit has passed at {@code now}; records which. */
		private boolean passed(long now) {
			long at = this.lastEvent + this.limits.idle().toNanos();
			String kind = "idle";
			Duration limit = this.limits.idle();
			long totalAt = this.start + this.limits.total().toNanos();
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
			if (now - at < 0) {
				return false;
			}
			this.expired = new BackendTimeoutException(kind, limit);
			return true;
		}

		Mono<T> outcome() {
			BackendTimeoutException timeout = this.expired;
			return timeout != null ? Mono.error(timeout) : Mono.empty();
		}

	}

}
