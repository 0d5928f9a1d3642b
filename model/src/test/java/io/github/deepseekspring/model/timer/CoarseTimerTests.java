package io.github.deepseekspring.model.timer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

class CoarseTimerTests {

	private final CoarseTimer timer = new CoarseTimer("test-coarse-timer", Duration.ofMillis(5),
			Duration.ofMillis(50));

	@Test
	void delayFiresAfterItsDurationOffTheTickingThread() {
		long start = System.nanoTime();
		String thread = this.timer.delay(Duration.ofMillis(100))
			.map(tick -> Thread.currentThread().getName())
			.block(Duration.ofSeconds(30));
		// never early; how late depends on the machine's load, so that is not asserted
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
		assertThat(thread).isNotEqualTo("test-coarse-timer");
		assertThat(this.timer.pending()).isZero();
	}

	@Test
	void cancelledDeadlinesAreWithdrawnAndNeverFire() {
		AtomicBoolean fired = new AtomicBoolean();
		Disposable subscription = this.timer.delay(Duration.ofMillis(50)).subscribe(tick -> fired.set(true));
		assertThat(this.timer.pending()).isOne();
		subscription.dispose();
		assertThat(this.timer.pending()).isZero();
		// deadlines fire in order: once a later one has fired, the withdrawn one would have fired before it
		assertThat(this.timer.delay(Duration.ofMillis(100)).block(Duration.ofSeconds(30))).isZero();
		assertThat(fired).isFalse();
	}

	@Test
	void conditionsAreCheckedUntilTheyPass() {
		AtomicBoolean open = new AtomicBoolean();
		Mono<Long> gate = this.timer.when(now -> open.get());
		Schedulers.parallel().schedule(() -> open.set(true), 60, java.util.concurrent.TimeUnit.MILLISECONDS);
		assertThat(gate.block(Duration.ofSeconds(30))).isZero();
	}

	@Test
	void thousandsOfConcurrentDeadlinesAllFireAndTheThreadStopsWhenIdleAndRestarts() throws InterruptedException {
		Long fired = Flux.range(0, 5000)
			.flatMap(i -> this.timer.delay(Duration.ofMillis(i % 50)), 5000)
			.count()
			.block(Duration.ofSeconds(10));
		assertThat(fired).isEqualTo(5000);
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (tickingThreadAlive() && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(tickingThreadAlive()).isFalse();
		assertThat(this.timer.delay(Duration.ofMillis(10)).block(Duration.ofSeconds(5))).isZero();
	}

	@Test
	void aFailingConditionFiresInsteadOfStoppingTheTimer() {
		Mono<Long> broken = this.timer.when(now -> {
			throw new IllegalStateException("bug in a deadline");
		});
		assertThat(broken.block(Duration.ofSeconds(5))).isZero();
		assertThat(this.timer.delay(Duration.ofMillis(10)).block(Duration.ofSeconds(5))).isZero();
	}

	private static boolean tickingThreadAlive() {
		return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("test-coarse-timer"));
	}

}
