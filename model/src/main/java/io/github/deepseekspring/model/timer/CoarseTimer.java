package io.github.deepseekspring.model.timer;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongPredicate;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Deadlines for many concurrent streams, checked by one daemon thread on every tick. A Reactor timer per stream
 * ({@code Mono.delay}) puts a task into a scheduler's queue and takes it out again when the stream ends in time,
 * which nearly always happens; on a busy CPU those queue operations and the scheduler thread's wake-ups cost more
 * than a third of what the stream itself costs. Registering here is one concurrent-set insert and removal. A deadline
 * fires at the first tick after it passed (at most one tick late, fine for timeouts of a second or more), on a Reactor
 * parallel thread, never on the ticking thread. The thread runs only while deadlines are registered, and a little
 * longer.
 */
public final class CoarseTimer {

	private static final CoarseTimer SHARED = new CoarseTimer("deepseek-coarse-timer", Duration.ofMillis(50),
			Duration.ofSeconds(1));

	private final String threadName;

	private final long tickNanos;

	private final long idleNanos;

	private final Set<Check> checks = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean ticking = new AtomicBoolean();

	/**
	 * @param threadName name of the ticking thread
	 * @param tick how often deadlines are checked
	 * @param keepAlive how long the ticking thread waits without deadlines before it ends
	 */
	CoarseTimer(String threadName, Duration tick, Duration keepAlive) {
		this.threadName = threadName;
		this.tickNanos = tick.toNanos();
		this.idleNanos = keepAlive.toNanos();
	}

	/** The timer the model's streams share. */
	public static CoarseTimer shared() {
		return SHARED;
	}

	/**
	 * Emits {@code 0} once {@code passed} returns {@code true} for the time of a tick ({@link System#nanoTime()});
	 * cancelling the subscription withdraws the check. {@code passed} runs on the ticking thread and must be quick.
	 */
	public Mono<Long> when(LongPredicate passed) {
		return Mono.create(sink -> {
			Check check = new Check(passed, () -> sink.success(0L));
			sink.onDispose(() -> this.checks.remove(check));
			this.checks.add(check);
			startTicking();
		});
	}

	/** Emits {@code 0} once {@code delay} has passed since subscription. */
	public Mono<Long> delay(Duration delay) {
		return Mono.defer(() -> {
			long at = System.nanoTime() + delay.toNanos();
			return when(now -> now - at >= 0);
		});
	}

	/** Deadlines registered now (for tests). */
	int pending() {
		return this.checks.size();
	}

	private void startTicking() {
		if (this.ticking.compareAndSet(false, true)) {
			Thread thread = new Thread(this::tick, this.threadName);
			thread.setDaemon(true);
			thread.start();
		}
	}

	private void tick() {
		long idleSince = System.nanoTime();
		while (true) {
			LockSupport.parkNanos(this.tickNanos);
			long now = System.nanoTime();
			this.checks.removeIf(check -> check.firesAt(now));
			if (!this.checks.isEmpty()) {
				idleSince = now;
			}
			else if (now - idleSince > this.idleNanos) {
				this.ticking.set(false);
				// a deadline registered after the emptiness check may have seen ticking still set
				if (this.checks.isEmpty() || !this.ticking.compareAndSet(false, true)) {
					return;
				}
			}
		}
	}

	private static final class Check {

		private final LongPredicate passed;

		private final Runnable fire;

		Check(LongPredicate passed, Runnable fire) {
			this.passed = passed;
			this.fire = fire;
		}

		boolean firesAt(long now) {
			boolean due;
			try {
				due = this.passed.test(now);
			}
			catch (RuntimeException ex) {
				due = true;
			}
			if (due) {
				Schedulers.parallel().schedule(this.fire);
			}
			return due;
		}

	}

	@Override
	public String toString() {
		return "CoarseTimer[tick=" + TimeUnit.NANOSECONDS.toMillis(this.tickNanos) + " ms, pending=" + pending() + "]";
	}

}
