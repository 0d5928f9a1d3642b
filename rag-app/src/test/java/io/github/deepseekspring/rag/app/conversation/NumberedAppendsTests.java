package io.github.deepseekspring.rag.app.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.deepseekspring.rag.app.conversation.ConversationStore.NewMessage;
import org.flywaydb.core.Flyway;
import org.h2.Driver;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NumberedAppendsTests {

	@Test
	void aCollisionIsTriedAgainAndAPersistentOneReported() {
		AtomicInteger calls = new AtomicInteger();
		assertThat(NumberedAppends.retryingCollisions(() -> {
			if (calls.incrementAndGet() < 3) {
				throw new DuplicateKeyException("seq taken");
			}
			return "stored";
		})).isEqualTo("stored");
		assertThat(calls).hasValue(3);

		calls.set(0);
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> NumberedAppends.retryingCollisions(() -> {
			calls.incrementAndGet();
			throw new DuplicateKeyException("seq taken");
		}));
		assertThat(calls).hasValue(NumberedAppends.ATTEMPTS);
	}

	@Test
	void turnsFinishingAtOnceInOneConversationAreAllStoredInOrder() throws Exception {
		SimpleDriverDataSource database = new SimpleDriverDataSource(new Driver(),
				"jdbc:h2:mem:numbered-appends-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(database).load().migrate();
		ConversationStore store = new ConversationStore(JdbcClient.create(database));
		TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(database));
		String conversation = store.create("owner", "en", "Answer from the passages.").id();

		int turns = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(turns);
		try {
			List<Future<StoredMessage>> answers = new ArrayList<>();
			for (int i = 0; i < turns; i++) {
				String question = "question " + i;
				answers.add(threads.submit(() -> {
					start.await();
					return NumberedAppends.retryingCollisions(() -> transactions.execute((status) -> store.appendTurn(
							conversation, -1, NewMessage.question(question, question, null), UUID.randomUUID().toString(),
							new NewMessage("answer to " + question, "answer to " + question, "llm", "[]", null, null, null))));
				}));
			}
			start.countDown();
			for (Future<StoredMessage> answer : answers) {
				answer.get();
			}
		}
		finally {
			threads.shutdownNow();
		}
		List<StoredMessage> messages = store.messages(conversation);
		assertThat(messages).extracting(StoredMessage::seq).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
				14, 15);
		for (int i = 0; i < messages.size(); i += 2) {
			assertThat(messages.get(i + 1).content()).isEqualTo("answer to " + messages.get(i).content());
		}
	}

}
