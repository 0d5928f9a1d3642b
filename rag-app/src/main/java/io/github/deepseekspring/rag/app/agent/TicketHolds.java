package io.github.deepseekspring.rag.app.agent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.github.deepseekspring.rag.app.chat.HeldConversations;
import io.github.deepseekspring.rag.app.feedback.Ticket;
import io.github.deepseekspring.rag.app.security.AgentProperties;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who holds which hand-off ticket, in the database so that every replica agrees. Taking is one conditional update
 * ({@code ... where holder is null}): of two agents taking the same ticket at once, on one replica or two, the
 * database lets exactly one change the row.
 */
public class TicketHolds implements HeldConversations {

	private static final int RECENTLY_CLOSED = 20;

	private final JdbcClient jdbc;

	private final AgentProperties agents;

	public TicketHolds(JdbcClient jdbc, AgentProperties agents) {
		this.jdbc = jdbc;
		this.agents = agents;
	}

	@Override
	public boolean held(String conversationId) {
		return this.jdbc.sql("select count(*) from ticket where conversation_id = ? and status = ? and holder is not null")
			.params(conversationId, Ticket.OPEN)
			.query(Long.class)
			.single() > 0;
	}

	/** Whether the conversation ever asked for a human: only then do agents see its content. */
	public boolean hasTicket(String conversationId) {
		return this.jdbc.sql("select count(*) from ticket where conversation_id = ?")
			.param(conversationId)
			.query(Long.class)
			.single() > 0;
	}

	public Optional<InboxTicket> find(String ticketId) {
		return this.jdbc.sql("select * from ticket where id = ?").param(ticketId).query(this::ticket).optional();
	}

	/** The conversation's open ticket (waiting or held), if any. */
	public Optional<InboxTicket> openFor(String conversationId) {
		return this.jdbc.sql("select * from ticket where conversation_id = ? and status = ? order by created_at limit 1")
			.params(conversationId, Ticket.OPEN)
			.query(this::ticket)
			.optional();
	}

	/** The open tickets, oldest first (the longest-waiting customer on top), then the recently closed ones. */
	public List<InboxTicket> inbox() {
		List<InboxTicket> open = this.jdbc.sql("select * from ticket where status = ? order by created_at")
			.param(Ticket.OPEN)
			.query(this::ticket)
			.list();
		List<InboxTicket> closed = this.jdbc
			.sql("select * from ticket where status = ? order by closed_at desc limit " + RECENTLY_CLOSED)
			.param(Ticket.CLOSED)
			.query(this::ticket)
			.list();
		return Stream.concat(open.stream(), closed.stream()).toList();
	}

	/** Whether this agent now holds the ticket: false when it is closed or someone holds it already. */
	public boolean take(String ticketId, String username) {
		return this.jdbc.sql("""
				update ticket set holder = ?, taken_at = ?
				where id = ? and status = ? and holder is null""")
			.params(username, now(), ticketId, Ticket.OPEN)
			.update() == 1;
	}

	/**
	 * Closes a held ticket, releasing the conversation to the bot.
	 *
	 * @param holder the agent who must hold it, or null for whoever does (the administrator's override)
	 * @return whether it was held (by that agent) and is now closed
	 */
	public boolean release(String ticketId, String holder) {
		if (holder == null) {
			return this.jdbc.sql("""
					update ticket set status = ?, closed_at = ?
					where id = ? and status = ? and holder is not null""")
				.params(Ticket.CLOSED, now(), ticketId, Ticket.OPEN)
				.update() == 1;
		}
		return this.jdbc.sql("update ticket set status = ?, closed_at = ? where id = ? and status = ? and holder = ?")
			.params(Ticket.CLOSED, now(), ticketId, Ticket.OPEN, holder)
			.update() == 1;
	}

	private InboxTicket ticket(ResultSet rs, int row) throws SQLException {
		String holder = rs.getString("holder");
		String state = !Ticket.OPEN.equals(rs.getString("status")) ? InboxTicket.CLOSED
				: (holder != null) ? InboxTicket.HELD : InboxTicket.WAITING;
		return new InboxTicket(rs.getString("id"), rs.getString("conversation_id"), state, holder,
				(holder != null) ? this.agents.displayName(holder) : null, rs.getString("customer_ref"),
				rs.getString("reason"), rs.getString("contact"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("taken_at", OffsetDateTime.class));
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
