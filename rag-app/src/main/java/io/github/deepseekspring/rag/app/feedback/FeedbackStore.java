package io.github.deepseekspring.rag.app.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Ratings of answers and hand-off tickets in the database. */
@Repository
public class FeedbackStore {

	private final JdbcClient jdbc;

	public FeedbackStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the message is an answer in the conversation. */
	public boolean isAnswer(String conversationId, String messageId) {
		return this.jdbc.sql("select count(*) from message where id = ? and conversation_id = ? and role = 'assistant'")
			.params(messageId, conversationId)
			.query(Long.class)
			.single() > 0;
	}

	public void rate(String conversationId, String messageId, Rating rating, String comment) {
		this.jdbc.sql("""
				insert into feedback (id, conversation_id, message_id, rating, comment, created_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID().toString(), conversationId, messageId, rating.wireName(), comment, now())
			.update();
	}

	/** Rated answers with their questions, newest first; all ratings when {@code rating} is null. */
	public List<FeedbackEntry> feedback(Rating rating, int limit) {
		return this.jdbc.sql("""
				select f.conversation_id, f.message_id, q.content as question, a.content as answer, f.rating, f.comment,
				  f.created_at
				from feedback f
				join message a on a.id = f.message_id
				left join message q on q.conversation_id = a.conversation_id and q.seq = a.seq - 1
				where (cast(? as varchar(8)) is null or f.rating = ?)
				order by f.created_at desc
				limit ?""")
			.params((rating != null) ? rating.wireName() : null, (rating != null) ? rating.wireName() : null, limit)
			.query((rs, row) -> new FeedbackEntry(rs.getString("conversation_id"), rs.getString("message_id"),
					rs.getString("question"), rs.getString("answer"), rs.getString("rating"), rs.getString("comment"),
					rs.getObject("created_at", OffsetDateTime.class)))
			.list();
	}

	/**
	 * Opens a ticket, or returns the conversation's open one: a conversation waits for, or is held by, one agent at a
	 * time.
	 */
	public Ticket openTicket(String conversationId, String reason, String contact, String customerRef) {
		List<Ticket> open = this.jdbc.sql("select * from ticket where conversation_id = ? and status = ?")
			.params(conversationId, Ticket.OPEN)
			.query(FeedbackStore::ticket)
			.list();
		if (!open.isEmpty()) {
			return open.get(0);
		}
		Ticket ticket = new Ticket(UUID.randomUUID().toString(), conversationId, reason, contact, customerRef,
				Ticket.OPEN, now());
		this.jdbc.sql("""
				insert into ticket (id, conversation_id, reason, contact, customer_ref, status, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(ticket.ticketId(), conversationId, reason, contact, customerRef, ticket.status(),
					ticket.createdAt())
			.update();
		return ticket;
	}

	/** Tickets newest first; all when {@code status} is null. */
	public List<Ticket> tickets(String status, int limit) {
		return this.jdbc.sql("""
				select * from ticket where (cast(? as varchar(16)) is null or status = ?)
				order by created_at desc limit ?""")
			.params(status, status, limit)
			.query(FeedbackStore::ticket)
			.list();
	}

	private static Ticket ticket(ResultSet rs, int row) throws SQLException {
		return new Ticket(rs.getString("id"), rs.getString("conversation_id"), rs.getString("reason"),
				rs.getString("contact"), rs.getString("customer_ref"), rs.getString("status"),
				rs.getObject("created_at", OffsetDateTime.class));
	}

	/** @return whether the ticket exists */
	public boolean closeTicket(String ticketId) {
		return this.jdbc.sql("update ticket set status = ?, closed_at = coalesce(closed_at, ?) where id = ?")
			.params(Ticket.CLOSED, now(), ticketId)
			.update() > 0;
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

}
