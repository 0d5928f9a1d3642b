package io.github.deepseekspring.rag.app.agent;

import java.util.ArrayList;
import java.util.List;

import io.github.deepseekspring.rag.app.chat.Citation;
import io.github.deepseekspring.rag.app.chat.ControlCharacters;
import io.github.deepseekspring.rag.app.chat.InvalidMessageException;
import io.github.deepseekspring.rag.app.security.AgentProperties;

/**
 * What agents and customers do with a hand-off ticket: take it (the bot falls silent, the customer sees the agent
 * join), write on the agent channel, and hand the conversation back to the bot or close the ticket. Each step is a
 * conditional update of the ticket, then a row on the channel that both sides' streams pick up.
 */
public class AgentDesk {

	private static final int MAX_CITATIONS = 10;

	private final TicketHolds holds;

	private final AgentChannelStore channel;

	private final AgentProperties agents;

	private final int maxMessageLength;

	public AgentDesk(TicketHolds holds, AgentChannelStore channel, AgentProperties agents, int maxMessageLength) {
		this.holds = holds;
		this.channel = channel;
		this.agents = agents;
		this.maxMessageLength = maxMessageLength;
	}

	public InboxTicket ticket(String ticketId) {
		return this.holds.find(ticketId).orElseThrow(() -> new TicketNotFoundException(ticketId));
	}

	/** @throws TicketConflictException when another agent was first, or the ticket is closed */
	public InboxTicket take(String ticketId, String username) {
		InboxTicket ticket = ticket(ticketId);
		if (!this.holds.take(ticketId, username)) {
			InboxTicket now = ticket(ticketId);
			throw new TicketConflictException(now.open() ? "Ticket " + ticketId + " is held by " + now.holderName()
					: "Ticket " + ticketId + " is closed");
		}
		this.channel.append(ticket.conversationId(), ticketId, ChannelKind.JOINED, username, customerFacingName(username),
				null, null);
		return ticket(ticketId);
	}

	/** An agent's reply, with the passages it cites numbered 1, 2, … in the order given. */
	public ChannelMessage reply(String ticketId, String username, String text, List<CitedPassage> cited) {
		InboxTicket ticket = ticket(ticketId);
		if (!ticket.heldBy(username)) {
			throw new TicketConflictException(conflict(ticket, "reply"));
		}
		List<CitedPassage> passages = (cited != null) ? cited : List.of();
		if (passages.size() > MAX_CITATIONS) {
			throw new InvalidMessageException("A reply cites at most " + MAX_CITATIONS + " passages");
		}
		List<Citation> citations = new ArrayList<>(passages.size());
		for (int i = 0; i < passages.size(); i++) {
			citations.add(passages.get(i).citation(i + 1));
		}
		return this.channel.append(ticket.conversationId(), ticketId, ChannelKind.AGENT, username,
				customerFacingName(username), message(text), citations);
	}

	/**
	 * Ends the hold: the bot answers again.
	 *
	 * @param how {@link ChannelKind#HANDED_BACK} or {@link ChannelKind#CLOSED}
	 * @param override whether the caller may end another agent's hold (the administrator)
	 */
	public InboxTicket end(String ticketId, String username, ChannelKind how, boolean override) {
		InboxTicket ticket = ticket(ticketId);
		if (!this.holds.release(ticketId, override ? null : username)) {
			throw new TicketConflictException(conflict(ticket(ticketId), (how == ChannelKind.CLOSED) ? "close" : "hand back"));
		}
		this.channel.append(ticket.conversationId(), ticketId, how, username, customerFacingName(username), null, null);
		return ticket(ticketId);
	}

	/** A customer's message while an agent holds the conversation. */
	public ChannelMessage fromCustomer(String conversationId, String text) {
		String message = message(text);
		InboxTicket ticket = this.holds.openFor(conversationId)
			.filter((open) -> InboxTicket.HELD.equals(open.state()))
			.orElseThrow(() -> new TicketConflictException(
					"No agent holds conversation " + conversationId + " (yet): the assistant answers it"));
		return this.channel.append(conversationId, ticket.ticketId(), ChannelKind.CUSTOMER, null, null, message, null);
	}

	private String message(String text) {
		String message = (text != null) ? ControlCharacters.strip(text).strip() : "";
		if (message.isEmpty()) {
			throw new InvalidMessageException("The message is empty");
		}
		if (message.length() > this.maxMessageLength) {
			throw new InvalidMessageException("The message is longer than " + this.maxMessageLength + " characters");
		}
		return message;
	}

	/** The agent's display name; none for staff without one (the administrator), so customers see "an agent". */
	private String customerFacingName(String username) {
		return this.agents.find(username).map(AgentProperties.Agent::displayName).orElse(null);
	}

	private static String conflict(InboxTicket ticket, String action) {
		return switch (ticket.state()) {
			case InboxTicket.CLOSED -> "Ticket " + ticket.ticketId() + " is closed";
			case InboxTicket.WAITING -> "Take ticket " + ticket.ticketId() + " before you " + action;
			default -> "Ticket " + ticket.ticketId() + " is held by " + ticket.holderName() + ", who alone may "
					+ action;
		};
	}

}
