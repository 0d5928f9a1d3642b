package io.github.deepseekspring.rag.app.chat;

import java.util.ArrayList;
import java.util.List;

import io.github.deepseekspring.rag.app.conversation.ConversationStore;
import io.github.deepseekspring.rag.app.conversation.ConversationStore.NewMessage;
import io.github.deepseekspring.rag.app.conversation.NumberedAppends;
import io.github.deepseekspring.rag.app.conversation.StoredMessage;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Stores an answered turn in one transaction (the question with its passages and photos, the answer with its
 * citations and the time its first text was shown), then tells the cache, and returns the answer as the API shows it.
 */
class TurnRecorder {

	private final ConversationStore conversations;

	private final JsonMapper json;

	private final TurnPhotos photos;

	private final TurnCache cache;

	private final TurnOutcomes outcomes;

	private final TransactionOperations transactions;

	TurnRecorder(ConversationStore conversations, JsonMapper json, TurnPhotos photos, TurnCache cache,
			TurnOutcomes outcomes, TransactionOperations transactions) {
		this.conversations = conversations;
		this.json = json;
		this.photos = photos;
		this.cache = cache;
		this.outcomes = outcomes;
		this.transactions = transactions;
	}

	/**
	 * Stores the question with its photos and its answer with the time its first text was shown, remembers a
	 * cacheable answer, and returns the answer as the API shows it.
	 */
	ChatReply finish(Turn turn, Outcome outcome, long firstTokenMillis) {
		List<Citation> citations = citations(turn, outcome.cited());
		// two turns of one conversation can finish at once (two tabs, a retried request): the later takes the next seq
		StoredMessage answer = NumberedAppends.retryingCollisions(() -> this.transactions.execute((status) -> {
			StoredMessage stored = this.conversations.appendTurn(turn.conversation().id(), turn.historyStart(),
					turn.questionId(), NewMessage.question(turn.question(), turn.userTurnText(),
							turn.sent().isEmpty() ? null : this.json.writeValueAsString(turn.sent())),
					turn.answerId(), new NewMessage(outcome.answer(), outcome.modelText(), outcome.mode().wireName(),
							this.json.writeValueAsString(citations), null, outcome.reasoning(), outcome.usage()));
			this.photos.store(turn.conversation().id(), turn.questionId(), turn.photos());
			this.conversations.recordFirstToken(stored.id(), firstTokenMillis);
			return stored;
		}));
		this.cache.remember(turn, outcome, citations, answer.id());
		return new ChatReply(turn.conversation().id(), answer.id(), outcome.answer(),
				this.outcomes.visibleReasoning(turn, outcome), citations, outcome.mode(), outcome.usage());
	}

	private static List<Citation> citations(Turn turn, List<Integer> cited) {
		List<Citation> citations = new ArrayList<>();
		for (int i = 0; i < cited.size(); i++) {
			citations.add(turn.numbered().get(cited.get(i)).citation(i + 1));
		}
		return citations;
	}

	/** Citations stored with an answer. */
	List<Citation> storedCitations(String citationsJson) {
		if (citationsJson == null) {
			return null;
		}
		return List.of(this.json.readValue(citationsJson, Citation[].class));
	}

}
