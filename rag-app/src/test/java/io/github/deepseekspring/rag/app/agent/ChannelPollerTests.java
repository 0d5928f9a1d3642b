package io.github.deepseekspring.rag.app.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.deepseekspring.rag.app.conversation.ConversationStore;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cost of the agent channel stays bounded: one query per poll for all the streams a replica holds, none while it
 * holds none, and every stream still gets each of its rows once, in order.
 */
class ChannelPollerTests extends CustomerServiceApp {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	ConversationStore conversations;

	@Test
	void onePollIsOneQueryForAllOpenStreams() {
		AtomicInteger queries = new AtomicInteger();
		AgentChannelStore store = new AgentChannelStore(this.jdbc, this.json) {

			@Override
			public List<ChannelMessage> after(Map<String, Integer> cursors) {
				queries.incrementAndGet();
				return super.after(cursors);
			}

		};
		// Not started: the test polls by hand, so it counts every poll.
		ChannelPoller poller = new ChannelPoller(store, Duration.ofDays(1));
		poller.poll();
		assertThat(queries).hasValue(0);

		int conversations = 10;
		int streamsEach = 3;
		List<String> ids = new ArrayList<>();
		List<List<ChannelMessage>> received = new ArrayList<>();
		List<Disposable> streams = new ArrayList<>();
		for (int c = 0; c < conversations; c++) {
			String id = this.conversations.create("owner-" + c, "EN", "system prompt").id();
			ids.add(id);
			store.append(id, null, ChannelKind.CUSTOMER, null, null, "before the streams opened", null);
			for (int s = 0; s < streamsEach; s++) {
				List<ChannelMessage> mine = new ArrayList<>();
				received.add(mine);
				// The first stream of each conversation saw the first row already (it resumes after seq 1).
				streams.add(poller.follow(id, (s == 0) ? 1 : 0).subscribe(mine::add));
			}
		}
		assertThat(poller.following()).isEqualTo(conversations * streamsEach);
		for (String id : ids) {
			store.append(id, null, ChannelKind.CUSTOMER, null, null, "second", null);
			store.append(id, null, ChannelKind.CUSTOMER, null, null, "third", null);
		}
		poller.poll();
		assertThat(queries).hasValue(1);
		for (int i = 0; i < received.size(); i++) {
			List<Integer> seqs = received.get(i).stream().map(ChannelMessage::seq).toList();
			assertThat(seqs).isEqualTo((i % streamsEach == 0) ? List.of(2, 3) : List.of(1, 2, 3));
		}
		poller.poll();
		assertThat(queries).hasValue(2);
		assertThat(received).allSatisfy((rows) -> assertThat(rows.size()).isLessThanOrEqualTo(3));

		streams.forEach(Disposable::dispose);
		assertThat(poller.following()).isZero();
		poller.poll();
		assertThat(queries).hasValue(2);
	}

	@Test
	void appendsNumberEachConversationsRowsWithoutGapsWhenWrittenAtOnce() throws Exception {
		AgentChannelStore store = new AgentChannelStore(this.jdbc, this.json);
		String id = this.conversations.create("owner-concurrent", "EN", "system prompt").id();
		int writers = 4;
		int each = 5;
		List<Thread> threads = new ArrayList<>();
		for (int w = 0; w < writers; w++) {
			threads.add(Thread.ofPlatform().start(() -> {
				for (int i = 0; i < each; i++) {
					store.append(id, null, ChannelKind.CUSTOMER, null, null, "message", null);
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(store.after(id, 0)).extracting(ChannelMessage::seq)
			.containsExactlyElementsOf(IntStream.rangeClosed(1, writers * each).boxed().toList());
	}

}
