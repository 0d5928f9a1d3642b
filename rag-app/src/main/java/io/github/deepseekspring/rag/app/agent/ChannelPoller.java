package io.github.deepseekspring.rag.app.agent;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;

/**
 * Delivers the agent channel to the event streams this replica holds. Whatever replica a message was written on, it
 * reaches the stream through the database: every {@code pollInterval}, one query fetches the new rows of every
 * conversation followed here ({@link AgentChannelStore#after(Map)}), so the cost is one query per replica per tick
 * however many streams are open, and none when none is. Works the same on H2 and PostgreSQL.
 */
public class ChannelPoller implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ChannelPoller.class);

	private final AgentChannelStore store;

	private final Duration interval;

	private final Map<String, Set<Follower>> followers = new ConcurrentHashMap<>();

	private volatile ScheduledExecutorService scheduler;

	public ChannelPoller(AgentChannelStore store, Duration interval) {
		this.store = store;
		this.interval = interval;
	}

	/** The conversation's channel rows after seq {@code after}: those already written, then each new one. */
	public Flux<ChannelMessage> follow(String conversationId, int after) {
		return Flux.defer(() -> {
			Follower follower = new Follower(after);
			this.followers.computeIfAbsent(conversationId, (id) -> ConcurrentHashMap.newKeySet()).add(follower);
			return follower.sink.asFlux().doFinally((signal) -> unfollow(conversationId, follower));
		});
	}

	private void unfollow(String conversationId, Follower follower) {
		this.followers.computeIfPresent(conversationId, (id, set) -> {
			set.remove(follower);
			return set.isEmpty() ? null : set;
		});
	}

	/** Streams open on this replica. */
	int following() {
		return this.followers.values().stream().mapToInt(Set::size).sum();
	}

	/** One poll: a single query for all followed conversations, each row to the followers that have not had it. */
	void poll() {
		if (this.followers.isEmpty()) {
			return;
		}
		Map<String, Integer> cursors = new HashMap<>();
		this.followers.forEach((conversationId, set) -> set.stream()
			.mapToInt((follower) -> follower.cursor)
			.min()
			.ifPresent((cursor) -> cursors.put(conversationId, cursor)));
		List<ChannelMessage> rows = this.store.after(cursors);
		for (ChannelMessage row : rows) {
			for (Follower follower : this.followers.getOrDefault(row.conversationId(), Set.of())) {
				if (row.seq() > follower.cursor) {
					follower.cursor = row.seq();
					follower.sink.tryEmitNext(row);
				}
			}
		}
	}

	private void pollSafely() {
		try {
			poll();
		}
		catch (RuntimeException ex) {
			if (this.scheduler == null) {
				// Stopping: the poll was interrupted on purpose.
				return;
			}
			// The database may be away for a moment; the streams keep their cursors and catch up on a later poll.
			logger.warn("Polling the agent channel failed ({}); trying again in {}", ex.toString(), this.interval);
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(
				Thread.ofPlatform().name("agent-channel-poller").daemon().factory());
		started.scheduleWithFixedDelay(this::pollSafely, this.interval.toMillis(), this.interval.toMillis(),
				TimeUnit.MILLISECONDS);
		this.scheduler = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.scheduler;
		this.scheduler = null;
		if (running != null) {
			running.shutdownNow();
		}
		this.followers.values().forEach((set) -> set.forEach((follower) -> follower.sink.tryEmitComplete()));
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

	/** One open stream: the last seq it was sent, written only by the polling thread. */
	private static final class Follower {

		private final Sinks.Many<ChannelMessage> sink = Sinks.many().unicast().onBackpressureBuffer();

		private volatile int cursor;

		Follower(int after) {
			this.cursor = after;
		}

	}

}
