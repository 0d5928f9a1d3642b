package io.github.deepseekspring.rag.app.limits;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The global cap on model calls in flight, with a fair (first come, first served) line in front of it, bounded in
 * length and in waiting time. {@link #enter()} answers at once: a {@link Ticket} that holds a slot already or waits
 * in line, or null when the line is full. Waiting tickets learn their place in line and when they expire from one
 * announcer thread that walks the line once a second, not from a timer of their own; a released slot passes straight
 * to the first in line.
 */
final class ModelCallGate implements AutoCloseable {

	static final Duration ANNOUNCE_EVERY = Duration.ofSeconds(1);

	private final int maxCalls;

	private final int lineLength;

	private final long queueTimeoutNanos;

	private final LongSupplier nanoTime;

	private final ReentrantLock lock = new ReentrantLock();

	private final ArrayDeque<Ticket> line = new ArrayDeque<>();

	private volatile int inFlight;

	private volatile int waiting;

	private ScheduledExecutorService announcer;

	private boolean closed;

	/**
	 * @param maxCalls model calls in flight at once
	 * @param lineLength requests that may wait for a slot (0: none wait)
	 * @param queueTimeout longest wait in line
	 * @param nanoTime the clock of waiting times
	 */
	ModelCallGate(int maxCalls, int lineLength, Duration queueTimeout, LongSupplier nanoTime) {
		if (maxCalls < 1) {
			throw new IllegalArgumentException("maxCalls must be at least 1");
		}
		this.maxCalls = maxCalls;
		this.lineLength = lineLength;
		this.queueTimeoutNanos = queueTimeout.toNanos();
		this.nanoTime = nanoTime;
	}

	/** A ticket holding a slot, or waiting in line for one; null when the line is full. */
	Ticket enter() {
		Ticket ticket;
		this.lock.lock();
		try {
			if (this.inFlight < this.maxCalls && this.line.isEmpty()) {
				this.inFlight++;
				return new Ticket(this, Ticket.State.ADMITTED, 0, 0);
			}
			if (this.line.size() >= this.lineLength) {
				return null;
			}
			ticket = new Ticket(this, Ticket.State.WAITING, this.nanoTime.getAsLong(), this.line.size() + 1);
			this.line.addLast(ticket);
			this.waiting = this.line.size();
		}
		finally {
			this.lock.unlock();
		}
		startAnnouncing();
		return ticket;
	}

	/** Gives a ticket's slot or place in line up; called once per ticket, by the ticket. */
	void leave(Ticket ticket) {
		this.lock.lock();
		try {
			switch (ticket.state) {
				case WAITING -> {
					this.line.remove(ticket);
					this.waiting = this.line.size();
					ticket.state = Ticket.State.LEFT;
					return;
				}
				case ADMITTED -> ticket.state = Ticket.State.LEFT;
				default -> {
					return;
				}
			}
		}
		finally {
			this.lock.unlock();
		}
		passSlotOn();
	}

	/** A slot came free: it goes to the first in line, or back to the pool. */
	private void passSlotOn() {
		Ticket next;
		Ticket.Listener listener;
		this.lock.lock();
		try {
			next = this.line.pollFirst();
			if (next == null) {
				this.inFlight--;
				return;
			}
			this.waiting = this.line.size();
			next.state = Ticket.State.ADMITTED;
			listener = next.listener;
		}
		finally {
			this.lock.unlock();
		}
		if (listener != null) {
			listener.admitted();
		}
	}

	/**
	 * Tells every waiting ticket whose place changed its new place, and lets those that waited too long go. Runs once a
	 * second on the announcer thread; tests call it directly.
	 */
	void announce() {
		List<Runnable> news = new ArrayList<>();
		long now = this.nanoTime.getAsLong();
		this.lock.lock();
		try {
			int place = 0;
			for (Iterator<Ticket> tickets = this.line.iterator(); tickets.hasNext();) {
				Ticket ticket = tickets.next();
				Ticket.Listener listener = ticket.listener;
				if (now - ticket.enteredAt >= this.queueTimeoutNanos) {
					tickets.remove();
					ticket.state = Ticket.State.EXPIRED;
					if (listener != null) {
						news.add(listener::expired);
					}
					continue;
				}
				place++;
				if (ticket.place != place) {
					ticket.place = place;
					if (listener != null) {
						int announced = place;
						news.add(() -> listener.place(announced));
					}
				}
			}
			this.waiting = this.line.size();
		}
		finally {
			this.lock.unlock();
		}
		news.forEach(Runnable::run);
	}

	/** Sets a ticket's listener and tells it where the ticket stands now. */
	void listen(Ticket ticket, Ticket.Listener listener) {
		Ticket.State state;
		int place;
		this.lock.lock();
		try {
			ticket.listener = listener;
			state = ticket.state;
			place = ticket.place;
		}
		finally {
			this.lock.unlock();
		}
		switch (state) {
			case WAITING -> listener.place(place);
			case ADMITTED -> listener.admitted();
			case EXPIRED -> listener.expired();
			default -> {
			}
		}
	}

	private void startAnnouncing() {
		this.lock.lock();
		try {
			if (this.announcer != null || this.closed) {
				return;
			}
			this.announcer = Executors.newSingleThreadScheduledExecutor(
					Thread.ofPlatform().daemon().name("model-call-line").factory());
			this.announcer.scheduleWithFixedDelay(this::announce, ANNOUNCE_EVERY.toMillis(), ANNOUNCE_EVERY.toMillis(),
					TimeUnit.MILLISECONDS);
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Model calls in flight now. */
	int inFlight() {
		return this.inFlight;
	}

	/** Requests waiting for a slot now. */
	int waiting() {
		return this.waiting;
	}

	int maxCalls() {
		return this.maxCalls;
	}

	@Override
	public void close() {
		this.lock.lock();
		try {
			this.closed = true;
			if (this.announcer != null) {
				this.announcer.shutdownNow();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

}
