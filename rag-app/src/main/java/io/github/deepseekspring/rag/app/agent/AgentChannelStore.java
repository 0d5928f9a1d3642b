package io.github.deepseekspring.rag.app.agent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.deepseekspring.rag.app.chat.Citation;
import io.github.deepseekspring.rag.app.conversation.NumberedAppends;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The agent channel in the database ({@code agent_message}), so that a message written on one replica reaches a
 * stream held by another. Each conversation numbers its rows 1, 2, 3…: an append takes the next number in the same
 * statement, and the unique (conversation, seq) constraint turns a concurrent append of the same number into a retry,
 * so a stream that has sent seq n never misses an n+1 that commits later.
 */
public class AgentChannelStore {

	private static final int MAX_ROWS_PER_POLL = 1000;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public AgentChannelStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Appends a row with the conversation's next seq.
	 *
	 * @param author the agent's user name, or null for the customer
	 * @param authorName the name the customer sees, or null
	 */
	public ChannelMessage append(String conversationId, String ticketId, ChannelKind kind, String author,
			String authorName, String text, List<Citation> citations) {
		String citationsJson = (citations == null || citations.isEmpty()) ? null : this.json.writeValueAsString(citations);
		return NumberedAppends.retryingCollisions(() -> {
			String id = UUID.randomUUID().toString();
			OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
			this.jdbc.sql("""
					insert into agent_message (id, conversation_id, seq, ticket_id, kind, author, author_name, content,
					  citations, created_at)
					select ?, ?, coalesce(max(seq), 0) + 1, ?, ?, ?, ?, ?, ?, ? from agent_message
					where conversation_id = ?""")
				.params(id, conversationId, ticketId, kind.wireName(), author, authorName, text, citationsJson, at,
						conversationId)
				.update();
			return this.jdbc.sql("select * from agent_message where id = ?").param(id).query(this::message).single();
		});
	}

	/** The conversation's rows after seq {@code after}, oldest first. */
	public List<ChannelMessage> after(String conversationId, int after) {
		return this.jdbc.sql("select * from agent_message where conversation_id = ? and seq > ? order by seq")
			.params(conversationId, after)
			.query(this::message)
			.list();
	}

	/**
	 * The rows past each conversation's cursor, in one query however many conversations are followed: ordered by
	 * conversation and seq.
	 */
	public List<ChannelMessage> after(Map<String, Integer> cursors) {
		if (cursors.isEmpty()) {
			return List.of();
		}
		StringBuilder sql = new StringBuilder("select * from agent_message where ");
		List<Object> params = new ArrayList<>(cursors.size() * 2 + 1);
		for (Map.Entry<String, Integer> cursor : cursors.entrySet()) {
			if (!params.isEmpty()) {
				sql.append(" or ");
			}
			sql.append("(conversation_id = ? and seq > ?)");
			params.add(cursor.getKey());
			params.add(cursor.getValue());
		}
		sql.append(" order by conversation_id, seq limit ?");
		params.add(MAX_ROWS_PER_POLL);
		return this.jdbc.sql(sql.toString()).params(params).query(this::message).list();
	}

	private ChannelMessage message(ResultSet rs, int row) throws SQLException {
		String citations = rs.getString("citations");
		return new ChannelMessage(rs.getString("conversation_id"), rs.getString("ticket_id"), rs.getInt("seq"),
				ChannelKind.fromWireName(rs.getString("kind")), rs.getString("author_name"), rs.getString("content"),
				(citations != null) ? List.of(this.json.readValue(citations, Citation[].class)) : null,
				rs.getObject("created_at", OffsetDateTime.class));
	}

}
