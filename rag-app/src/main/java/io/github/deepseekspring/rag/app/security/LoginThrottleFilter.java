package io.github.deepseekspring.rag.app.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in attempt (the login form, or HTTP Basic credentials) from an address or for a user name that
 * {@link LoginThrottle} has locked out: 429 with {@code Retry-After}, before any password is checked. Failures and
 * successes are counted by {@link LoginAttempts}.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

	private final LoginThrottle throttle;

	private final boolean api;

	/**
	 * @param api whether refusals are problem details (the API) or the error page (the login form)
	 */
	LoginThrottleFilter(LoginThrottle throttle, boolean api) {
		this.throttle = throttle;
		this.api = api;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String user = attemptedUser(request);
		Duration locked = (user != null) ? this.throttle.lockedFor(request.getRemoteAddr(), user) : Duration.ZERO;
		if (locked.isZero()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, (locked.toMillis() + 999) / 1000);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		String detail = "Too many failed sign-ins from this address or for this user; try again in " + seconds
				+ " seconds.";
		if (this.api) {
			SecurityProblems.write(response, HttpStatus.TOO_MANY_REQUESTS, detail);
		}
		else {
			response.sendError(HttpStatus.TOO_MANY_REQUESTS.value(), detail);
		}
	}

	/** The user name a request tries to sign in as, or null when it is no sign-in attempt. */
	static String attemptedUser(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String credentials = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
						StandardCharsets.UTF_8);
				int colon = credentials.indexOf(':');
				return (colon >= 0) ? credentials.substring(0, colon) : credentials;
			}
			catch (IllegalArgumentException ex) {
				// Not Base64: Spring Security's Basic filter refuses it.
				return null;
			}
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if ("POST".equals(request.getMethod()) && "/login".equals(path)) {
			String user = request.getParameter("username");
			return (user != null) ? user : "";
		}
		return null;
	}

}
