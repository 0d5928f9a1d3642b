package io.github.deepseekspring.rag.app.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import org.springframework.http.codec.ServerSentEvent;

import static io.github.deepseekspring.rag.app.chat.ChatStreamService.event;

/**
 * The text events of a streamed answer ({@code reasoning}, {@code token}), gathered so that a stream writes and flushes
 * one event per window rather than one per model chunk: at thousands of streams the writes, not the text, cost the
 * CPU. The first event of each kind goes out at once (the customer sees the answer start without delay); later text
 * waits until the window since the last event has passed, and goes out with the next chunk after that, or with
 * {@link #drain()} when the stream ends. No timer: a stream's text is released only as chunks arrive anyway (the
 * system-prompt guard holds back a tail until the next chunk), so a paused model delays the last piece here as it
 * delays the held-back tail. Consecutive text of one kind joins into one event; the order of kinds is kept. Not
 * thread-safe; a Flux delivers its chunks one at a time.
 */
final class CoalescedText {

	private final long windowNanos;

	private final LongSupplier nanoClock;

	private final List<Pending> pending = new ArrayList<>(2);

	private final Set<String> kindsSent = new HashSet<>(2);

	private long lastSentNanos;

	/**
	 * @param window how long after an event further text waits to join the next; zero sends each piece at once
	 * @param nanoClock the time in nanoseconds ({@link System#nanoTime()} outside tests)
	 */
	CoalescedText(Duration window, LongSupplier nanoClock) {
		this.windowNanos = window.toNanos();
		this.nanoClock = nanoClock;
	}

	/** Adds text that may be shown, as an event of this name. */
	void add(String name, String text) {
		if (text.isEmpty()) {
			return;
		}
		Pending last = this.pending.isEmpty() ? null : this.pending.getLast();
		if (last != null && last.name().equals(name)) {
			last.text().append(text);
		}
		else {
			this.pending.add(new Pending(name, new StringBuilder(text)));
		}
	}

	/** The events to send now: all pending text once its window has passed or it starts a kind; else none. */
	List<ServerSentEvent<Object>> due() {
		if (this.pending.isEmpty()) {
			return List.of();
		}
		long now = this.nanoClock.getAsLong();
		boolean startsKind = this.pending.stream().anyMatch((p) -> !this.kindsSent.contains(p.name()));
		if (startsKind || now - this.lastSentNanos >= this.windowNanos) {
			this.lastSentNanos = now;
			return drain();
		}
		return List.of();
	}

	/** All pending text as events, now (the stream ends, or fails). */
	List<ServerSentEvent<Object>> drain() {
		List<ServerSentEvent<Object>> events = new ArrayList<>(this.pending.size());
		for (Pending piece : this.pending) {
			this.kindsSent.add(piece.name());
			events.add(event(piece.name(), Map.of("text", piece.text().toString())));
		}
		this.pending.clear();
		return events;
	}

	private record Pending(String name, StringBuilder text) {

	}

}
