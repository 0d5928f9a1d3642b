package io.github.deepseekspring.rag.app.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts failed sign-ins per client address and per user name, and locks each out for exponentially longer once it
 * has failed more than the free attempts in a row ({@link AdminProperties.Login}). Memory is bounded: counts quiet
 * for the longest lock-out are forgotten first.
 */
final class LoginThrottle {

	private final AdminProperties.Login settings;

	private final LongSupplier nanoTime;

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	LoginThrottle(AdminProperties.Login settings, LongSupplier nanoTime) {
		this.settings = settings;
		this.nanoTime = nanoTime;
	}

	/** How long the address or the name is still locked out; zero when neither is. */
	Duration lockedFor(String address, String user) {
		long now = this.nanoTime.getAsLong();
		return max(remaining(addressKey(address), now), remaining(userKey(user), now));
	}

	/**
	 * Counts a failure of the address and of the name.
	 * @return the failures in a row of the name, and how long the address or the name is now locked out
	 */
	Outcome failed(String address, String user) {
		long now = this.nanoTime.getAsLong();
		Failures byAddress = count(addressKey(address), now);
		Failures byUser = count(userKey(user), now);
		return new Outcome(byUser.count, max(byAddress.remaining(now), byUser.remaining(now)));
	}

	/** A success clears the counts of the address and the name. */
	void succeeded(String address, String user) {
		this.failures.remove(addressKey(address));
		this.failures.remove(userKey(user));
	}

	int tracked() {
		return this.failures.size();
	}

	private Duration remaining(String key, long now) {
		Failures entry = this.failures.get(key);
		return (entry != null) ? entry.remaining(now) : Duration.ZERO;
	}

	private Failures count(String key, long now) {
		if (this.failures.size() >= this.settings.maxTracked() && !this.failures.containsKey(key)) {
			forgetQuiet(now);
		}
		return this.failures.compute(key, (k, entry) -> {
			Failures counted = (entry == null || entry.quietSince(now) > this.settings.maxDelay().toNanos())
					? new Failures() : entry;
			counted.fail(now, lockOut(counted.count + 1));
			return counted;
		});
	}

	/** The lock-out after the n-th failure in a row: none for the free ones, then doubling up to the maximum. */
	Duration lockOut(int failure) {
		int beyond = failure - this.settings.freeAttempts();
		if (beyond <= 0) {
			return Duration.ZERO;
		}
		Duration delay = this.settings.baseDelay().multipliedBy(1L << Math.min(beyond - 1, 30));
		return (delay.compareTo(this.settings.maxDelay()) > 0) ? this.settings.maxDelay() : delay;
	}

	private void forgetQuiet(long now) {
		long quiet = this.settings.maxDelay().toNanos();
		this.failures.values().removeIf((entry) -> entry.quietSince(now) > quiet);
		if (this.failures.size() >= this.settings.maxTracked()) {
			// Everyone failed recently: keep the ones locked out, drop the others.
			this.failures.values().removeIf((entry) -> entry.remaining(now).isZero());
		}
	}

	private static String addressKey(String address) {
		return "ip:" + address;
	}

	private static String userKey(String user) {
		return "user:" + ((user != null) ? user.strip().toLowerCase(Locale.ROOT) : "");
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	/**
	 * A failure counted.
	 *
	 * @param userFailures failures in a row of the user name, this one included
	 * @param lockedFor how long the address or the name is now locked out
	 */
	record Outcome(int userFailures, Duration lockedFor) {

	}

	private static final class Failures {

		private int count;

		private long last;

		private long lockedUntil;

		synchronized void fail(long now, Duration lockOut) {
			this.count++;
			this.last = now;
			this.lockedUntil = now + lockOut.toNanos();
		}

		synchronized long quietSince(long now) {
			return now - this.last;
		}

		synchronized Duration remaining(long now) {
			return (this.lockedUntil > now) ? Duration.ofNanos(this.lockedUntil - now) : Duration.ZERO;
		}

	}

}
