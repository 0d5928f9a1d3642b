package io.github.deepseekspring.rag.app.chat;

import java.util.List;

import io.github.deepseekspring.rag.app.conversation.StoredMessage;
import io.github.deepseekspring.rag.ingest.TokenEstimate;

/**
 * Which earlier turns go into the next prompt. All turns since the conversation's history start, verbatim, while they
 * fit the token budget; past it, the oldest whole turns (question and answer) are dropped until half the budget is
 * left. Dropping more than strictly needed keeps the new start for many turns, and with it the cached prompt prefix.
 */
final class HistoryWindow {

	private HistoryWindow() {
	}

	/**
	 * @param history messages from the conversation's current history start, oldest first, in question/answer pairs
	 * @param budget estimated tokens allowed for them
	 * @return the messages to send and the seq they start at
	 */
	static Window fit(List<StoredMessage> history, int budget) {
		int total = tokens(history, 0);
		if (total <= budget) {
			return new Window(history, history.isEmpty() ? -1 : history.get(0).seq());
		}
		int from = 0;
		while (from < history.size() && total > budget / 2) {
			total -= TokenEstimate.of(history.get(from).promptText());
			from++;
			if (from < history.size() && !StoredMessage.USER.equals(history.get(from).role())) {
				total -= TokenEstimate.of(history.get(from).promptText());
				from++;
			}
		}
		List<StoredMessage> kept = history.subList(from, history.size());
		return new Window(kept, kept.isEmpty() ? -1 : kept.get(0).seq());
	}

	private static int tokens(List<StoredMessage> messages, int from) {
		int total = 0;
		for (int i = from; i < messages.size(); i++) {
			total += TokenEstimate.of(messages.get(i).promptText());
		}
		return total;
	}

	/**
	 * @param messages the history to send
	 * @param startSeq seq of its first message, or -1 when empty (then the next message's seq)
	 */
	record Window(List<StoredMessage> messages, int startSeq) {

	}

}
