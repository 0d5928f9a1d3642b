package io.github.deepseekspring.rag.app.agent;

import java.time.Duration;
import java.util.Optional;

import io.github.deepseekspring.rag.app.security.AgentProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.http.codec.ServerSentEvent;

/**
 * The agent channel of one conversation as server-sent events, for the customer and for agents alike: first
 * {@code state} ({@code none}, {@code waiting} or {@code held}, with the agent's name), then each row after the seq
 * the client last saw (event name = its kind, id = its seq). While a ticket is open the stream stays open and ends
 * with the ticket's {@code handed-back} or {@code closed}; without one it replays the history and ends. Idle streams
 * send a comment now and then so that proxies keep them open; a client whose stream ended (the server's async
 * timeout, a proxy) reconnects with {@code after} = the last id it saw and misses nothing.
 */
public class ChannelStreams {

	private final TicketHolds holds;

	private final AgentChannelStore store;

	private final ChannelPoller poller;

	private final AgentProperties agents;

	private final Duration keepAlive;

	public ChannelStreams(TicketHolds holds, AgentChannelStore store, ChannelPoller poller, AgentProperties agents,
			Duration keepAlive) {
		this.holds = holds;
		this.store = store;
		this.poller = poller;
		this.agents = agents;
		this.keepAlive = keepAlive;
	}

	/** The stream of the conversation, as it stands now. */
	public Flux<ServerSentEvent<Object>> events(String conversationId, int after) {
		return Mono.fromCallable(() -> this.holds.openFor(conversationId))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMapMany((open) -> Flux.just(state(open)).concatWith(rows(conversationId, open, after)))
			.publish((events) -> Flux.merge(events, Flux.interval(this.keepAlive)
				.map((tick) -> ServerSentEvent.builder().comment("keep-alive").build())
				.takeUntilOther(events.then())));
	}

	private Flux<ServerSentEvent<Object>> rows(String conversationId, Optional<InboxTicket> open, int after) {
		Flux<ChannelMessage> rows;
		if (open.isEmpty()) {
			rows = Mono.fromCallable(() -> this.store.after(conversationId, after))
				.subscribeOn(Schedulers.boundedElastic())
				.flatMapIterable((list) -> list);
		}
		else {
			String ticketId = open.get().ticketId();
			rows = this.poller.follow(conversationId, after)
				.takeUntil((row) -> row.kind().ending() && ticketId.equals(row.ticketId()));
		}
		return rows.map((row) -> ServerSentEvent.builder((Object) row)
			.id(Integer.toString(row.seq()))
			.event(row.kind().wireName())
			.build());
	}

	private ServerSentEvent<Object> state(Optional<InboxTicket> open) {
		String state = open.map(InboxTicket::state).orElse("none");
		String agent = open.filter((ticket) -> ticket.holder() != null)
			.flatMap((ticket) -> this.agents.find(ticket.holder()))
			.map(AgentProperties.Agent::displayName)
			.orElse(null);
		return ServerSentEvent.builder((Object) new State(state, agent, open.map(InboxTicket::ticketId).orElse(null)))
			.event("state")
			.build();
	}

	/**
	 * Where the conversation stands when the stream opens.
	 *
	 * @param state {@code none}, {@code waiting} or {@code held}
	 * @param agent the name customers see for the agent holding it
	 * @param ticketId the open ticket
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record State(String state, String agent, String ticketId) {

	}

}
