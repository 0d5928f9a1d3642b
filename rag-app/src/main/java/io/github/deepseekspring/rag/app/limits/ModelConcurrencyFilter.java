package io.github.deepseekspring.rag.app.limits;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a {@link ModelCallGate} slot for the whole of a model call: until the response is complete, for streamed
 * (asynchronous) answers too. A request waits in the gate's line for its slot before the handler runs; on the position
 * paths the handler waits itself, telling the caller its place ({@link ModelCallAdmission}). 503 with
 * {@code Retry-After} when the line is full or the wait runs out; 429 with {@code Retry-After} when the client already
 * has its share of calls in flight or waiting ({@link ClientCalls}).
 */
class ModelConcurrencyFilter extends OncePerRequestFilter {

	private final PathPatterns modelPaths;

	private final PathPatterns positionPaths;

	private final ModelCallGate gate;

	private final ClientCalls clients;

	private final Duration retryAfter;

	private final Duration queueTimeout;

	private final LimitMetrics metrics;

	private final Refusals refusals;

	ModelConcurrencyFilter(LimitsProperties.Concurrency concurrency, ModelCallGate gate, LimitMetrics metrics,
			Refusals refusals) {
		this.modelPaths = new PathPatterns(concurrency.modelPaths());
		this.positionPaths = new PathPatterns(concurrency.positionPaths());
		this.gate = gate;
		this.clients = new ClientCalls(concurrency.maxCallsPerClient());
		this.retryAfter = concurrency.retryAfter();
		this.queueTimeout = concurrency.queueTimeout();
		this.metrics = metrics;
		this.refusals = refusals;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !this.modelPaths.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String client = ClientIds.of(request);
		if (!this.clients.enter(client)) {
			this.metrics.rate();
			this.refusals.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
					"This client has as many answers in progress as it may; try again when one is done.",
					this.retryAfter);
			return;
		}
		Runnable leave;
		if (this.positionPaths.matches(request)) {
			ModelCallAdmission admission = new ModelCallAdmission(this.gate, this.metrics);
			request.setAttribute(ModelCallAdmission.ATTRIBUTE, admission);
			leave = admission::leave;
		}
		else {
			Ticket ticket = admitted();
			if (ticket == null) {
				this.clients.leave(client);
				this.metrics.busy();
				this.refusals.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
						"The assistant is busy right now; try again after the time in Retry-After.", this.retryAfter);
				return;
			}
			leave = ticket::leave;
		}
		Release release = new Release(() -> {
			leave.run();
			this.clients.leave(client);
		});
		try {
			chain.doFilter(request, response);
		}
		finally {
			releaseWhenDone(request, release);
		}
	}

	/** A ticket holding a slot, after waiting in line if need be; null when the line is full or the wait ran out. */
	private Ticket admitted() {
		Ticket ticket = this.gate.enter();
		try {
			return (ticket != null && ticket.await(this.queueTimeout)) ? ticket : null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private static void releaseWhenDone(HttpServletRequest request, Release release) {
		if (!request.isAsyncStarted()) {
			release.run();
			return;
		}
		try {
			request.getAsyncContext().addListener(release);
		}
		catch (IllegalStateException ex) {
			// Completed in the meantime.
			release.run();
		}
	}

	/** Gives the slots back once, whichever way the request ends. */
	private static final class Release implements AsyncListener, Runnable {

		private final Runnable release;

		private final AtomicBoolean done = new AtomicBoolean();

		Release(Runnable release) {
			this.release = release;
		}

		@Override
		public void run() {
			if (this.done.compareAndSet(false, true)) {
				this.release.run();
			}
		}

		@Override
		public void onComplete(AsyncEvent event) {
			run();
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			run();
		}

		@Override
		public void onError(AsyncEvent event) {
			run();
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}

	}

}
