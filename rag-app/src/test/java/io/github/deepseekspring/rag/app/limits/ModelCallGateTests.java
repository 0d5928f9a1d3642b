package io.github.deepseekspring.rag.app.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The cap on model calls and its line: first come first served, bounded, places told, waits that run out. */
class ModelCallGateTests {

	private final AtomicLong now = new AtomicLong();

	private final ModelCallGate gate = new ModelCallGate(2, 3, Duration.ofSeconds(60), this.now::get);

	@AfterEach
	void close() {
		this.gate.close();
	}

	@Test
	void slotsFirstThenALineThenNothing() {
		Ticket first = this.gate.enter();
		Ticket second = this.gate.enter();
		assertThat(List.of(first, second)).allSatisfy((ticket) -> assertThat(ticket.state).isEqualTo(Ticket.State.ADMITTED));
		List<Recorder> line = enterLine(3);
		assertThat(line).extracting((recorder) -> recorder.events).containsExactly(List.of("place 1"), List.of("place 2"),
				List.of("place 3"));
		assertThat(this.gate.enter()).as("the line is full").isNull();
		assertThat(this.gate.inFlight()).isEqualTo(2);
		assertThat(this.gate.waiting()).isEqualTo(3);
	}

	@Test
	void aFreedSlotGoesToTheFirstInLineAndTheOthersMoveUp() {
		Ticket first = this.gate.enter();
		this.gate.enter();
		List<Recorder> line = enterLine(3);
		first.leave();
		assertThat(line.get(0).events).containsExactly("place 1", "admitted");
		assertThat(this.gate.inFlight()).as("the slot passed on, not back").isEqualTo(2);
		this.gate.announce();
		assertThat(line.get(1).events).containsExactly("place 2", "place 1");
		assertThat(line.get(2).events).containsExactly("place 3", "place 2");
		// a newcomer queues behind those already waiting even when a slot is free for a moment
		assertThat(this.gate.enter().state).isEqualTo(Ticket.State.WAITING);
	}

	@Test
	void leavingTheLineLetsThoseBehindMoveUpAndLeavingTwiceIsHarmless() {
		this.gate.enter();
		Ticket holder = this.gate.enter();
		List<Recorder> line = enterLine(3);
		line.get(0).ticket.leave();
		line.get(0).ticket.leave();
		this.gate.announce();
		assertThat(line.get(1).events).containsExactly("place 2", "place 1");
		assertThat(this.gate.waiting()).isEqualTo(2);
		holder.leave();
		holder.leave();
		assertThat(line.get(1).events).endsWith("admitted");
		assertThat(line.get(2).events).doesNotContain("admitted");
		assertThat(this.gate.inFlight()).isEqualTo(2);
	}

	@Test
	void aWaitThatRunsOutLeavesTheLine() {
		this.gate.enter();
		this.gate.enter();
		Recorder early = enterLine(1).get(0);
		this.now.addAndGet(Duration.ofSeconds(30).toNanos());
		Recorder late = enterLine(1).get(0);
		this.now.addAndGet(Duration.ofSeconds(30).toNanos());
		this.gate.announce();
		assertThat(early.events).containsExactly("place 1", "expired");
		assertThat(late.events).containsExactly("place 2", "place 1");
		assertThat(this.gate.waiting()).isEqualTo(1);
		early.ticket.leave();
		assertThat(this.gate.inFlight()).isEqualTo(2);
	}

	@Test
	void slotsComeBackWhenEveryCallIsOver() {
		List<Ticket> tickets = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			tickets.add(this.gate.enter());
		}
		tickets.forEach(Ticket::leave);
		assertThat(this.gate.inFlight()).isZero();
		assertThat(this.gate.waiting()).isZero();
	}

	@Test
	void aBlockingWaitEndsWithTheSlotOrOutOfLine() throws InterruptedException {
		Ticket holder = this.gate.enter();
		this.gate.enter();
		Ticket waiting = this.gate.enter();
		assertThat(waiting.await(Duration.ofMillis(1))).isFalse();
		assertThat(this.gate.waiting()).as("out of line after its wait").isZero();
		Ticket next = this.gate.enter();
		holder.leave();
		assertThat(next.await(Duration.ofMillis(1))).isTrue();
	}

	@Test
	void noLineMeansRefusedAtOnce() {
		try (ModelCallGate noLine = new ModelCallGate(1, 0, Duration.ofSeconds(1), this.now::get)) {
			assertThat(noLine.enter()).isNotNull();
			assertThat(noLine.enter()).isNull();
		}
	}

	private List<Recorder> enterLine(int count) {
		List<Recorder> recorders = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Recorder recorder = new Recorder(this.gate.enter());
			recorder.ticket.listen(recorder);
			recorders.add(recorder);
		}
		return recorders;
	}

	private static final class Recorder implements Ticket.Listener {

		final Ticket ticket;

		final List<String> events = new ArrayList<>();

		Recorder(Ticket ticket) {
			this.ticket = ticket;
		}

		@Override
		public void place(int place) {
			this.events.add("place " + place);
		}

		@Override
		public void admitted() {
			this.events.add("admitted");
		}

		@Override
		public void expired() {
			this.events.add("expired");
		}

	}

}
