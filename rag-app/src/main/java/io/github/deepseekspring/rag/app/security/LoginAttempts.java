package io.github.deepseekspring.rag.app.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Counts the outcome of each password sign-in (form or HTTP Basic) in the {@link LoginThrottle}, and logs failures:
 * the user name as given (control characters replaced, cut at 64 characters) and the keyed hash of the address, never
 * the password.
 */
final class LoginAttempts implements ApplicationListener<AbstractAuthenticationEvent> {

	private static final Logger logger = LoggerFactory.getLogger(LoginAttempts.class);

	private final LoginThrottle throttle;

	private final InstallSecret secret;

	LoginAttempts(LoginThrottle throttle, InstallSecret secret) {
		this.throttle = throttle;
		this.secret = secret;
	}

	@Override
	public void onApplicationEvent(AbstractAuthenticationEvent event) {
		Authentication attempt = event.getAuthentication();
		if (!(attempt instanceof UsernamePasswordAuthenticationToken)) {
			return;
		}
		String address = (attempt.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : null;
		if (event instanceof AbstractAuthenticationFailureEvent failure) {
			LoginThrottle.Outcome outcome = this.throttle.failed(address, attempt.getName());
			logger.warn("Sign-in failed for user '{}' from {} ({}; failure {} in a row for the user name){}",
					printable(attempt.getName()), this.secret.pseudonym("ip:" + address),
					failure.getException().getClass().getSimpleName(), outcome.userFailures(),
					outcome.lockedFor().isZero() ? "" : "; locked out for " + outcome.lockedFor().toSeconds() + " s");
		}
		else if (event instanceof AuthenticationSuccessEvent) {
			this.throttle.succeeded(address, attempt.getName());
		}
	}

	private static String printable(String name) {
		if (name == null) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		name.codePoints().limit(64).forEach((c) -> {
			int type = Character.getType(c);
			boolean hidden = Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
					|| type == Character.PARAGRAPH_SEPARATOR;
			text.appendCodePoint(hidden ? '?' : c);
		});
		return text.toString();
	}

}
