package io.github.deepseekspring.rag.app.chat;

import java.util.ArrayList;
import java.util.List;

import io.github.deepseekspring.rag.app.conversation.StoredMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryWindowTests {

	@Test
	void keepsEverythingWithinTheBudget() {
		List<StoredMessage> history = turns(3, 10);
		HistoryWindow.Window window = HistoryWindow.fit(history, 60);
		assertThat(window.messages()).hasSize(6);
		assertThat(window.startSeq()).isZero();
	}

	@Test
	void dropsOldestWholeTurnsDownToHalfTheBudget() {
		List<StoredMessage> history = turns(6, 10);
		HistoryWindow.Window window = HistoryWindow.fit(history, 100);
		assertThat(window.messages()).hasSize(4);
		assertThat(window.startSeq()).isEqualTo(8);
		assertThat(window.messages().get(0).role()).isEqualTo(StoredMessage.USER);
	}

	@Test
	void emptyHistoryStartsAtTheNewQuestion() {
		assertThat(HistoryWindow.fit(List.of(), 100).startSeq()).isEqualTo(-1);
		assertThat(HistoryWindow.fit(turns(1, 500), 100).messages()).isEmpty();
	}

	/** Turns whose messages are each {@code tokens} CJK characters (one estimated token each). */
	private static List<StoredMessage> turns(int count, int tokens) {
		List<StoredMessage> messages = new ArrayList<>();
		for (int i = 0; i < count * 2; i++) {
			String role = (i % 2 == 0) ? StoredMessage.USER : StoredMessage.ASSISTANT;
			messages.add(new StoredMessage("m" + i, i, role, "x", "保".repeat(tokens), null, null, null, null, null, null));
		}
		return messages;
	}

}
