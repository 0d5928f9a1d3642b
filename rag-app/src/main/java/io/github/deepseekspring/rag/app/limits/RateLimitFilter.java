package io.github.deepseekspring.rag.app.limits;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/** Per-client token buckets on the limited paths: 429 with {@code Retry-After} when a client's bucket is empty. */
class RateLimitFilter extends OncePerRequestFilter {

	private final PathPatterns paths;

	private final TokenBuckets buckets;

	private final LimitMetrics metrics;

	private final Refusals refusals;

	RateLimitFilter(PathPatterns paths, TokenBuckets buckets, LimitMetrics metrics, Refusals refusals) {
		this.paths = paths;
		this.buckets = buckets;
		this.metrics = metrics;
		this.refusals = refusals;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.paths.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Duration wait = this.buckets.take(ClientIds.of(request));
		if (!wait.isZero()) {
			this.metrics.rate();
			this.refusals.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
					"Too many requests from this client; try again after the time in Retry-After.", wait);
			return;
		}
		chain.doFilter(request, response);
	}

}
