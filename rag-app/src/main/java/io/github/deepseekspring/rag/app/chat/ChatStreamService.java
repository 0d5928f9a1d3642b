package io.github.deepseekspring.rag.app.chat;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import io.github.deepseekspring.rag.app.conversation.TokenUsage;
import io.github.deepseekspring.rag.app.limits.ModelCallAdmission;
import io.github.deepseekspring.rag.app.limits.ModelCallsBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Answers a customer's message as server-sent events: {@code queue}* (the customer's place in line while every
 * model-call slot is taken), {@code meta}, {@code reasoning}* (only where reasoning is shown), {@code token}+ (text
 * that arrives within {@link ChatProperties#eventWindow()} joins one event, the first at once), {@code replace}? (the
 * answer so far gives way to another: the model started to repeat its instructions), {@code citations}, {@code done},
 * or {@code error}. Citations are renumbered while the tokens flow, and
 * text that could still turn out to repeat the system prompt is held back ({@link StreamedAnswer}). A model failure
 * before anything was sent falls back to the best passages; cancelling the returned stream (the client went away)
 * cancels the model call, and so does a recognised leak.
 */
public class ChatStreamService {

	private static final Logger logger = LoggerFactory.getLogger(ChatStreamService.class);

	private final ChatTurns turns;

	private final ChatService chat;

	private final ObjectProvider<ChatModel> model;

	private final Duration eventWindow;

	/**
	 * @param eventWindow text arriving within this time after a text event joins the next one
	 * ({@link ChatProperties#eventWindow()})
	 */
	public ChatStreamService(ChatTurns turns, ChatService chat, ObjectProvider<ChatModel> model, Duration eventWindow) {
		this.turns = turns;
		this.chat = chat;
		this.model = model;
		this.eventWindow = eventWindow;
	}

	/**
	 * Validates and prepares the turn at once (so bad input is a problem response, not a stream), then streams.
	 */
	public Flux<ServerSentEvent<Object>> stream(ChatRequest request, String ownerHash, ModelCallAdmission admission) {
		Turn turn = this.turns.prepare(request, ownerHash);
		Outcome outcome = this.turns.withoutModel(turn);
		ChatModel chatModel = this.model.getIfAvailable();
		if (outcome == null && chatModel == null) {
			outcome = this.chat.withoutModel(turn);
		}
		Map<String, Object> meta = new java.util.LinkedHashMap<>();
		meta.put("conversationId", turn.conversation().id());
		meta.put("messageId", turn.answerId());
		if (outcome != null) {
			// known before anything streams: a cached answer says so from the start
			meta.put("mode", outcome.mode());
			return Flux.just(event("meta", meta)).concatWith(whole(turn, outcome));
		}
		// Only a model call waits in line: the place is taken now, so a full line is a 503 before the stream starts.
		return admission.waitInLine((place) -> event("queue", Map.of("position", place)))
			.concatWith(Flux.defer(() -> Flux.just(event("meta", meta)).concatWith(fromModel(turn, chatModel))))
			.onErrorResume(ModelCallsBusyException.class,
					(ex) -> Flux.just(event("error", Map.of("message", busy(turn.language())))));
	}

	private Flux<ServerSentEvent<Object>> fromModel(Turn turn, ChatModel chatModel) {
		StreamedAnswer progress = new StreamedAnswer(this.turns, turn, this.eventWindow);
		Flux<ServerSentEvent<Object>> events = chatModel.stream(this.chat.prompt(turn))
			.map(progress::events)
			.takeUntil((ignored) -> progress.leaked())
			.concatMapIterable(Function.identity());
		Flux<ServerSentEvent<Object>> end = Flux.defer(() -> {
			Outcome outcome = this.turns.fromModel(turn, progress.raw(), progress.reasoning(), progress.usage());
			Flux<ServerSentEvent<Object>> tail = progress.finish(outcome);
			return tail.concatWith(finish(turn, outcome, progress.firstShownNanos()));
		});
		return events.concatWith(end).onErrorResume((ex) -> {
			if (progress.sentAnything()) {
				logger.warn("The model failed mid-answer ({})", ex.toString());
				return Flux.fromIterable(progress.unsent())
					.concatWith(Flux.just(event("error", Map.of("message", failure(turn.language())))));
			}
			logger.warn("The model failed ({}); answering from retrieval alone", ex.toString());
			return whole(turn, this.chat.afterFailure(turn, ex));
		});
	}

	/** An answer known in full: one token event, then citations and done. */
	private Flux<ServerSentEvent<Object>> whole(Turn turn, Outcome outcome) {
		return Flux.defer(() -> {
			long shown = System.nanoTime();
			return Flux.just(event("token", Map.of("text", outcome.answer()))).concatWith(finish(turn, outcome, shown));
		});
	}

	/**
	 * Stores the turn (blocking JDBC, off the event threads) with the time its first text was shown, then sends
	 * citations and done.
	 */
	private Flux<ServerSentEvent<Object>> finish(Turn turn, Outcome outcome, long firstShownNanos) {
		long firstToken = ((firstShownNanos > 0) ? firstShownNanos : System.nanoTime()) - turn.startedNanos();
		return Mono.fromCallable(() -> this.turns.finish(turn, outcome, firstToken / 1_000_000))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMapMany((reply) -> Flux.just(event("citations", Map.of("citations", reply.citations())),
					event("done", new Done(reply.mode(), reply.usage()))));
	}

	static ServerSentEvent<Object> event(String name, Object data) {
		return ServerSentEvent.builder((Object) data).event(name).build();
	}

	private static String busy(Language language) {
		return (language == Language.EN) ? "Sorry, the assistant is very busy right now. Please try again in a few minutes."
				: "抱歉，当前咨询人数较多，请几分钟后再试。";
	}

	private static String failure(Language language) {
		return (language == Language.EN) ? "Sorry, the answer was interrupted. Please try again."
				: "抱歉，回答中断了，请稍后重试。";
	}

	/**
	 * The last event's data.
	 *
	 * @param mode how the answer was produced
	 * @param usage tokens and cost, when the model was called
	 */
	@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
	record Done(ChatMode mode, TokenUsage usage) {

	}

}
