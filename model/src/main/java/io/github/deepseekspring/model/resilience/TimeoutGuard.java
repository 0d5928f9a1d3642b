package io.github.deepseekspring.model.resilience;

import java.time.Duration;
import java.util.function.Predicate;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies first-token, idle and total limits to a stream of events. Every event proves liveness (resets the idle
 * limit); only events the predicate calls tokens end the first-token wait.
 */
public final class TimeoutGuard {

	private TimeoutGuard() {
	}

	public static <T> Flux<T> guard(Flux<T> events, StreamTimeouts limits, Predicate<T> isToken) {
		return Flux.defer(() -> {
			long start = System.nanoTime();
			boolean[] tokenSeen = { false };
			Mono<Object> first = nextLimit(start, limits, false);
			return events.timeout(first, event -> {
				if (!tokenSeen[0] && isToken.test(event)) {
					tokenSeen[0] = true;
				}
				return nextLimit(start, limits, tokenSeen[0]);
			});
		});
	}

	private static Mono<Object> nextLimit(long start, StreamTimeouts limits, boolean tokenSeen) {
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		Duration wait = limits.idle();
		String which = "idle";
		Duration limit = limits.idle();
		Duration totalLeft = limits.total().minus(elapsed);
		if (totalLeft.compareTo(wait) < 0) {
			wait = totalLeft;
			which = "total";
			limit = limits.total();
		}
		if (!tokenSeen) {
			Duration firstLeft = limits.firstToken().minus(elapsed);
			if (firstLeft.compareTo(wait) < 0) {
				wait = firstLeft;
				which = "first-token";
				limit = limits.firstToken();
			}
		}
		String kind = which;
		Duration reported = limit;
		return Mono.delay(wait.isNegative() ? Duration.ZERO : wait)
			.flatMap(tick -> Mono.error(new BackendTimeoutException(kind, reported)));
	}

}
