package io.github.deepseekspring.rag.app.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;

/** Several chunks to an event: the first of each kind at once, the rest once the window has passed, nothing lost. */
class CoalescedTextTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final CoalescedText text = new CoalescedText(Duration.ofMillis(50), this.now::get);

	@Test
	void theFirstTextGoesOutAtOnceAndLaterTextWaitsForTheWindow() {
		this.text.add("token", "主机");
		assertThat(shown(this.text.due())).containsExactly("token:主机");
		later(20);
		this.text.add("token", "保修");
		assertThat(this.text.due()).as("within the window").isEmpty();
		later(20);
		this.text.add("token", "两年");
		assertThat(this.text.due()).isEmpty();
		later(10);
		this.text.add("token", "。");
		assertThat(shown(this.text.due())).as("the window has passed: all that waited, in one event")
			.containsExactly("token:保修两年。");
		later(5);
		this.text.add("token", "详见");
		assertThat(this.text.due()).as("a new window starts at the last event").isEmpty();
		assertThat(shown(this.text.drain())).as("the end sends what waits").containsExactly("token:详见");
		assertThat(this.text.drain()).isEmpty();
	}

	@Test
	void theAnswersFirstTokenAfterReasoningGoesOutAtOnceAfterTheReasoningThatWaited() {
		this.text.add("reasoning", "先看");
		assertThat(shown(this.text.due())).containsExactly("reasoning:先看");
		later(10);
		this.text.add("reasoning", "保修期限");
		assertThat(this.text.due()).isEmpty();
		this.text.add("token", "主机");
		assertThat(shown(this.text.due())).as("kinds keep their order; the answer starts without waiting")
			.containsExactly("reasoning:保修期限", "token:主机");
	}

	@Test
	void aZeroWindowSendsEveryPieceAtOnce() {
		CoalescedText each = new CoalescedText(Duration.ZERO, this.now::get);
		each.add("token", "a");
		assertThat(shown(each.due())).containsExactly("token:a");
		each.add("token", "b");
		assertThat(shown(each.due())).containsExactly("token:b");
	}

	@Test
	void emptyTextMakesNoEvent() {
		this.text.add("token", "");
		assertThat(this.text.due()).isEmpty();
		assertThat(this.text.drain()).isEmpty();
	}

	private void later(long millis) {
		this.now.addAndGet(Duration.ofMillis(millis).toNanos());
	}

	private static List<String> shown(List<ServerSentEvent<Object>> events) {
		return events.stream().map((e) -> e.event() + ":" + ((Map<?, ?>) e.data()).get("text")).toList();
	}

}
