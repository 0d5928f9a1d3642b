package io.github.deepseekspring.rag.app.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.deepseekspring.model.chat.DeepSeekMetadata;
import io.github.deepseekspring.rag.app.conversation.TokenUsage;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

import static io.github.deepseekspring.rag.app.chat.ChatStreamService.event;

/**
 * What a streamed answer has said so far, and what of it may be shown: text is held back while it could still be the
 * not-covered sentinel, and while its tail could still grow into a repetition of the system prompt
 * ({@link SystemPromptLeak.Watch}); reasoning (only where it is shown at all) passes the same guard. What may be shown
 * goes out in {@link CoalescedText} events, several chunks to an event. Not thread-safe; a Flux delivers its chunks one
 * at a time.
 */
final class StreamedAnswer {

	private final ChatTurns turns;

	private final CitationNumbers numbers;

	private final boolean showReasoning;

	private final SystemPromptLeak.Watch answerWatch;

	private final SystemPromptLeak.Watch reasoningWatch;

	private final CoalescedText shown;

	private final StringBuilder raw = new StringBuilder();

	private final StringBuilder reasoning = new StringBuilder();

	private int fed;

	private int reasoningFed;

	private boolean sent;

	private long firstShownNanos;

	private TokenUsage usage;

	StreamedAnswer(ChatTurns turns, Turn turn, Duration eventWindow) {
		this.turns = turns;
		this.numbers = new CitationNumbers(turn.numbered().keySet());
		this.showReasoning = turns.showReasoning();
		SystemPromptLeak guard = turns.leakGuard(turn);
		this.answerWatch = guard.watch();
		this.reasoningWatch = guard.watch();
		this.shown = new CoalescedText(eventWindow, System::nanoTime);
	}

	/**
	 * The events a chunk of the model's answer makes: reasoning and answer text as far as they may be shown, and as far
	 * as their window has passed.
	 */
	List<ServerSentEvent<Object>> events(ChatResponse chunk) {
		TokenUsage chunkUsage = ModelUsage.of(chunk);
		if (chunkUsage != null) {
			this.usage = chunkUsage;
		}
		if (chunk.getResult() == null || chunk.getResult().getOutput() == null) {
			return List.of();
		}
		AssistantMessage message = chunk.getResult().getOutput();
		String thought = DeepSeekMetadata.reasoningDelta(message).orElse(null);
		if (thought != null) {
			this.reasoning.append(thought);
			this.reasoningWatch.append(thought);
			releaseReasoning(this.reasoningWatch.releasable());
		}
		if (message.getText() != null && !message.getText().isEmpty()) {
			// The answer has begun: the reasoning is complete, and checked whole.
			releaseReasoning(this.reasoning.length());
			this.raw.append(message.getText());
			this.answerWatch.append(message.getText());
		}
		String ready = ready();
		if (!ready.isEmpty()) {
			markShown();
			this.shown.add("token", ready);
		}
		return this.shown.due();
	}

	private void releaseReasoning(int upTo) {
		if (!this.showReasoning || this.reasoningWatch.leaked() || upTo <= this.reasoningFed) {
			return;
		}
		String piece = this.reasoning.substring(this.reasoningFed, upTo);
		this.reasoningFed = upTo;
		markShown();
		this.shown.add("reasoning", piece);
	}

	/** New answer text to show. */
	private String ready() {
		if (this.answerWatch.leaked()) {
			return "";
		}
		String start = this.raw.toString().stripLeading();
		if (this.fed == 0 && (start.isEmpty() || this.turns.couldBeNotCovered(start))) {
			return "";
		}
		int upTo = this.answerWatch.releasable();
		if (upTo <= this.fed) {
			return "";
		}
		String piece = this.raw.substring(this.fed, upTo);
		this.fed = upTo;
		return this.numbers.accept(piece);
	}

	/**
	 * The rest once the model is done: the held-back tail of a model answer; for a not-covered one (the sentinel, or
	 * a leak) its canned answer, in place of whatever was shown before it.
	 */
	Flux<ServerSentEvent<Object>> finish(Outcome outcome) {
		if (outcome.mode() == ChatMode.NOT_COVERED) {
			return Flux.fromIterable(unsent())
				.concatWith(Flux.just(event((this.fed == 0) ? "token" : "replace", Map.of("text", outcome.answer()))));
		}
		releaseReasoning(this.reasoning.length());
		this.shown.add("token", this.numbers.accept(this.raw.substring(this.fed)) + this.numbers.finish());
		this.fed = this.raw.length();
		return Flux.fromIterable(unsent());
	}

	/** Text released to be shown but still waiting for its window: it goes before the end, or before an error. */
	List<ServerSentEvent<Object>> unsent() {
		return this.shown.drain();
	}

	private void markShown() {
		if (!this.sent) {
			this.sent = true;
			this.firstShownNanos = System.nanoTime();
		}
	}

	/** When the first text (reasoning or answer) was shown, or 0 while none was. */
	long firstShownNanos() {
		return this.firstShownNanos;
	}

	/** Whether the answer was found to repeat the system prompt: the model call can stop. */
	boolean leaked() {
		return this.answerWatch.leaked();
	}

	boolean sentAnything() {
		return this.sent;
	}

	String raw() {
		return this.raw.toString();
	}

	String reasoning() {
		return this.reasoning.isEmpty() ? null : this.reasoning.toString();
	}

	TokenUsage usage() {
		return this.usage;
	}

}
