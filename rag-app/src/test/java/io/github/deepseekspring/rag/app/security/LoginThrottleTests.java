package io.github.deepseekspring.rag.app.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The lock-outs after failed sign-ins, on a clock the test moves. */
class LoginThrottleTests {

	private final AtomicLong now = new AtomicLong();

	private final LoginThrottle throttle = new LoginThrottle(
			new AdminProperties.Login(3, Duration.ofSeconds(1), Duration.ofSeconds(10), 4), this.now::get);

	@Test
	void freeAttemptsThenExponentialLockOutsUpToTheMaximum() {
		assertThat(this.throttle.lockOut(1)).isZero();
		assertThat(this.throttle.lockOut(3)).isZero();
		assertThat(this.throttle.lockOut(4)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.throttle.lockOut(5)).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.throttle.lockOut(7)).isEqualTo(Duration.ofSeconds(8));
		assertThat(this.throttle.lockOut(8)).isEqualTo(Duration.ofSeconds(10));
		assertThat(this.throttle.lockOut(1000)).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void theAddressAndTheNameAreLockedOutSeparately() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.throttle.failed("10.0.0.1", "admin").lockedFor()).isZero();
		}
		LoginThrottle.Outcome fourth = this.throttle.failed("10.0.0.1", "admin");
		assertThat(fourth.userFailures()).isEqualTo(4);
		assertThat(fourth.lockedFor()).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.throttle.lockedFor("10.0.0.1", "someone-else")).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.throttle.lockedFor("10.0.0.2", "ADMIN ")).as("names ignore case and spaces")
			.isEqualTo(Duration.ofSeconds(1));
		assertThat(this.throttle.lockedFor("10.0.0.2", "someone-else")).isZero();
		this.now.addAndGet(Duration.ofMillis(1500).toNanos());
		assertThat(this.throttle.lockedFor("10.0.0.1", "admin")).isZero();
	}

	@Test
	void aSuccessOrAQuietSpellClearsTheCount() {
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("10.0.0.1", "admin");
		}
		this.throttle.succeeded("10.0.0.1", "admin");
		assertThat(this.throttle.lockedFor("10.0.0.1", "admin")).isZero();
		assertThat(this.throttle.failed("10.0.0.1", "admin").userFailures()).isEqualTo(1);

		for (int i = 0; i < 3; i++) {
			this.throttle.failed("10.0.0.3", "operator");
		}
		this.now.addAndGet(Duration.ofSeconds(11).toNanos());
		assertThat(this.throttle.failed("10.0.0.3", "operator").lockedFor()).as("counting starts again").isZero();
	}

	@Test
	void memoryIsBoundedKeepingTheLockedOut() {
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("10.0.0.1", "admin");
		}
		for (int i = 0; i < 20; i++) {
			this.throttle.failed("10.1.0." + i, "guess-" + i);
		}
		assertThat(this.throttle.tracked()).isLessThanOrEqualTo(6);
		assertThat(this.throttle.lockedFor("10.9.9.9", "admin")).isPositive();
	}

}
