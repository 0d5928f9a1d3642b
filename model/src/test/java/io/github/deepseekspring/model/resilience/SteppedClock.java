package io.github.deepseekspring.model.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that moves only when a test says so: a circuit breaker's open time passes the moment the test steps over
 * it, however loaded the machine is.
 */
public final class SteppedClock extends Clock {

	private volatile Instant now = Instant.parse("2026-01-05T00:00:00Z");

	/** Moves the clock forward. */
	public void step(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
