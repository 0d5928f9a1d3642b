package io.github.deepseekspring.rag.app.limits;

import java.util.function.IntFunction;

import jakarta.servlet.http.HttpServletRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * A streamed model call's way through the line for model-call slots, for handlers that tell the caller its place in
 * line while it waits (the paths of {@code deepseek.rag.limits.concurrency.position-paths}): the limits put one on
 * the request instead of holding the request back, and give its slot back when the response is complete. A handler
 * that needs no model call (the answer came from the FAQ, say) never takes a place. Without limits, or on other
 * paths, {@link #of} gives one that lets every call through at once.
 */
public final class ModelCallAdmission {

	static final String ATTRIBUTE = ModelCallAdmission.class.getName();

	private static final ModelCallAdmission UNLIMITED = new ModelCallAdmission(null, null);

	private final ModelCallGate gate;

	private final LimitMetrics metrics;

	private volatile Ticket ticket;

	ModelCallAdmission(ModelCallGate gate, LimitMetrics metrics) {
		this.gate = gate;
		this.metrics = metrics;
	}

	/** The admission the limits put on this request, or one that lets every call through at once. */
	public static ModelCallAdmission of(HttpServletRequest request) {
		Object admission = request.getAttribute(ATTRIBUTE);
		return (admission instanceof ModelCallAdmission limited) ? limited : UNLIMITED;
	}

	/**
	 * Takes a place in line now, and returns what the caller hears while it waits: its place (first when it takes it,
	 * then whenever it changes, at most once a second), completing when the call may start. The events end in a
	 * {@link ModelCallsBusyException} when the wait runs out; cancelling them gives the place up.
	 * @param place the event telling the caller its place in line (1: next)
	 * @throws ModelCallsBusyException when the line is full (nothing to stream: answer 503)
	 */
	public <T> Flux<T> waitInLine(IntFunction<T> place) {
		if (this.gate == null) {
			return Flux.empty();
		}
		if (this.ticket != null) {
			throw new IllegalStateException("This request already has its place");
		}
		Ticket entered = this.gate.enter();
		if (entered == null) {
			this.metrics.busy();
			throw new ModelCallsBusyException("The assistant is busy and its waiting line is full");
		}
		this.ticket = entered;
		return Flux.create((sink) -> {
			sink.onCancel(entered::leave);
			entered.listen(new Ticket.Listener() {

				@Override
				public void place(int where) {
					sink.next(place.apply(where));
				}

				@Override
				public void admitted() {
					sink.complete();
				}

				@Override
				public void expired() {
					ModelCallAdmission.this.metrics.busy();
					sink.error(new ModelCallsBusyException("The wait for the assistant ran out"));
				}

			});
		}, FluxSink.OverflowStrategy.LATEST);
	}

	/** Gives the slot or place back, if one was taken; the limits call it when the response is complete. */
	void leave() {
		if (this.ticket != null) {
			this.ticket.leave();
		}
	}

}
