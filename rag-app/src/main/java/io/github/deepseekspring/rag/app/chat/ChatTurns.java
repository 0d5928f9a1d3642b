package io.github.deepseekspring.rag.app.chat;

import java.util.List;

import io.github.deepseekspring.rag.app.conversation.ConversationNotFoundException;
import io.github.deepseekspring.rag.app.conversation.TokenUsage;

/**
 * The steps of a turn around the model call, shared by the JSON and the streaming endpoint: {@link TurnPreparation
 * prepare} it (validate, find the passages, lay out the prompt), decide its {@link TurnOutcomes outcome}, and
 * {@link TurnRecorder record} it.
 */
public class ChatTurns {

	private final TurnPreparation preparation;

	private final TurnOutcomes outcomes;

	private final TurnRecorder recorder;

	ChatTurns(TurnPreparation preparation, TurnOutcomes outcomes, TurnRecorder recorder) {
		this.preparation = preparation;
		this.outcomes = outcomes;
		this.recorder = recorder;
	}

	/**
	 * Validates the message and prepares its turn; a new conversation starts when the request names none.
	 *
	 * @throws InvalidMessageException when the message is empty or too long
	 * @param ownerHash the caller's owner hash ({@link ChatOwner})
	 * @throws ConversationNotFoundException when the named conversation does not exist or is not the caller's
	 * @throws ConversationHeldException when an agent holds the conversation (the bot stays silent)
	 */
	Turn prepare(ChatRequest request, String ownerHash) {
		return this.preparation.prepare(request, ownerHash);
	}

	/** The outcome decided without the model (FAQ, not covered, cached, unavailable), or null. */
	Outcome withoutModel(Turn turn) {
		return this.outcomes.withoutModel(turn);
	}

	/** The model's answer, see {@link TurnOutcomes#fromModel}. */
	Outcome fromModel(Turn turn, String modelText, String reasoning, TokenUsage usage) {
		return this.outcomes.fromModel(turn, modelText, reasoning, usage);
	}

	/** The model is away or failed: the best passages, labelled. */
	Outcome retrievalOnly(Turn turn) {
		return this.outcomes.retrievalOnly(turn);
	}

	/** Photos no reachable model can see: said so, with a human agent offered. */
	Outcome photosUnreadable(Turn turn) {
		return this.outcomes.photosUnreadable(turn);
	}

	/** The guard against repeating the system prompt of the turn's conversation. */
	SystemPromptLeak leakGuard(Turn turn) {
		return this.outcomes.leakGuard(turn);
	}

	/** Whether customers see reasoning at all ({@link ChatProperties#showReasoning()}). */
	boolean showReasoning() {
		return this.outcomes.showReasoning();
	}

	/** Whether the start of a streamed answer may still turn out to be the not-covered sentinel. */
	boolean couldBeNotCovered(String start) {
		return this.outcomes.couldBeNotCovered(start);
	}

	/** Stores the question and its answer, and returns the answer as the API shows it. */
	ChatReply finish(Turn turn, Outcome outcome) {
		return finish(turn, outcome, (System.nanoTime() - turn.startedNanos()) / 1_000_000);
	}

	/** Stores the turn with the time its first text was shown, see {@link TurnRecorder#finish}. */
	ChatReply finish(Turn turn, Outcome outcome, long firstTokenMillis) {
		return this.recorder.finish(turn, outcome, firstTokenMillis);
	}

	/** Citations stored with an answer. */
	List<Citation> storedCitations(String citationsJson) {
		return this.recorder.storedCitations(citationsJson);
	}

}
