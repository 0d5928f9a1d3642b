package io.github.deepseekspring.rag.app.limits;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One request's slot for a model call, or its place in the line for one ({@link ModelCallGate}). Whoever got it
 * must {@link #leave()} once the call is over, whatever happened; leaving twice is harmless. State changes are made
 * by the gate under its lock.
 */
final class Ticket {

	enum State {

		/** In line. */
		WAITING,
		/** Holds a slot. */
		ADMITTED,
		/** Waited too long, and is out of the line. */
		EXPIRED,
		/** Gave its slot or place up. */
		LEFT

	}

	/** What a waiting request hears; called outside the gate's lock, possibly on the announcer's thread. */
	interface Listener {

		/** The ticket's place in line now, 1 for the next to go. */
		void place(int place);

		/** The ticket holds a slot now. */
		void admitted();

		/** The ticket waited too long and is out of the line. */
		void expired();

	}

	private final ModelCallGate gate;

	final long enteredAt;

	State state;

	int place;

	Listener listener;

	Ticket(ModelCallGate gate, State state, long enteredAt, int place) {
		this.gate = gate;
		this.state = state;
		this.enteredAt = enteredAt;
		this.place = place;
	}

	/** Sets the listener and tells it at once where the ticket stands. */
	void listen(Listener listener) {
		this.gate.listen(this, listener);
	}

	/**
	 * Waits, blocking, until the ticket holds a slot.
	 * @param timeout the longest wait (the gate's own time limit may end it sooner)
	 * @return whether it holds a slot; if not, it is out of the line
	 */
	boolean await(Duration timeout) throws InterruptedException {
		CountDownLatch decided = new CountDownLatch(1);
		boolean[] admitted = { false };
		listen(new Listener() {

			@Override
			public void place(int place) {
			}

			@Override
			public void admitted() {
				admitted[0] = true;
				decided.countDown();
			}

			@Override
			public void expired() {
				decided.countDown();
			}

		});
		try {
			if (decided.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
				return admitted[0];
			}
		}
		catch (InterruptedException ex) {
			leave();
			throw ex;
		}
		leave();
		// Admitted between the wait's end and leaving: the slot went straight back, so this one is refused.
		return false;
	}

	/** Gives the slot, or the place in line, up. */
	void leave() {
		this.gate.leave(this);
	}

}
