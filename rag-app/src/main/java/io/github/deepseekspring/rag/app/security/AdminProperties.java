package io.github.deepseekspring.rag.app.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The administrator account and how guessing its password is slowed down.
 *
 * @param password password of the user "admin", at least 12 characters; when unset a random one is generated and
 * printed once on the console (not when the console log is JSON, and never where a production profile is active:
 * there the start fails)
 * @param login throttling of failed sign-ins
 */
@ConfigurationProperties("deepseek.rag.admin")
public record AdminProperties(String password, Login login) {

	/** The shortest admin password accepted. */
	public static final int MIN_PASSWORD_LENGTH = 12;

	public AdminProperties {
		login = (login != null) ? login : new Login(null, null, null, 0);
	}

	@Override
	public String toString() {
		return "AdminProperties[password=" + Secrets.redacted(this.password) + ", login=" + this.login + "]";
	}

	/**
	 * Throttling of failed sign-ins (login form and HTTP Basic), counted per client address and per user name: after
	 * {@code freeAttempts} failures in a row each further one locks the address (or name) out for {@code baseDelay},
	 * doubling up to {@code maxDelay}; attempts while locked out are answered 429 with {@code Retry-After}, without
	 * checking the password. A success clears the count.
	 *
	 * @param freeAttempts failures in a row before the first lock-out (default 5)
	 * @param baseDelay the first lock-out (default 1s)
	 * @param maxDelay the longest lock-out; a count quiet for this long starts again from zero (default 15m)
	 * @param maxTracked addresses and names remembered at once (default 10000)
	 */
	public record Login(Integer freeAttempts, Duration baseDelay, Duration maxDelay, int maxTracked) {

		public Login {
			freeAttempts = (freeAttempts != null && freeAttempts >= 0) ? freeAttempts : 5;
			baseDelay = (baseDelay != null && baseDelay.isPositive()) ? baseDelay : Duration.ofSeconds(1);
			maxDelay = (maxDelay != null && maxDelay.compareTo(baseDelay) >= 0) ? maxDelay : Duration.ofMinutes(15);
			maxTracked = (maxTracked > 0) ? maxTracked : 10_000;
		}

	}

}
