package io.github.deepseekspring.rag.app.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conversations and their messages in the database, so that any instance of the application can continue any
 * conversation.
 */
@Repository
public class ConversationStore {

	private final JdbcClient jdbc;

	public ConversationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Starts a conversation. */
	public Conversation create(String ownerHash, String language, String systemPrompt) {
		Conversation conversation = new Conversation(UUID.randomUUID().toString(), ownerHash, language, systemPrompt, 0,
				now());
		this.jdbc.sql("""
				insert into conversation (id, owner_hash, language, system_prompt, history_start, created_at)
				values (?, ?, ?, ?, 0, ?)""")
			.params(conversation.id(), ownerHash, language, systemPrompt, conversation.createdAt())
			.update();
		return conversation;
	}

	/** The conversation, if it exists and the caller owns it. */
	public Optional<Conversation> findOwned(String id, String ownerHash) {
		return find(id).filter((conversation) -> conversation.ownedBy(ownerHash));
	}

	public Optional<Conversation> find(String id) {
		return this.jdbc.sql("select * from conversation where id = ?")
			.param(id)
			.query((rs, row) -> new Conversation(rs.getString("id"), rs.getString("owner_hash"), rs.getString("language"),
					rs.getString("system_prompt"), rs.getInt("history_start"),
					rs.getObject("created_at", OffsetDateTime.class)))
			.optional();
	}

	/** All messages of a conversation, oldest first. */
	public List<StoredMessage> messages(String conversationId) {
		return this.jdbc.sql("select * from message where conversation_id = ? order by seq")
			.param(conversationId)
			.query(ConversationStore::message)
			.list();
	}

	/** The messages from seq {@code from} on, oldest first: the history still sent to the model. */
	public List<StoredMessage> messagesFrom(String conversationId, int from) {
		return this.jdbc.sql("select * from message where conversation_id = ? and seq >= ? order by seq")
			.params(conversationId, from)
			.query(ConversationStore::message)
			.list();
	}

	/**
	 * Appends a question and its answer. The seq numbers continue the conversation's; two instances appending to the
	 * same conversation at once cannot both take the same numbers (unique constraint).
	 *
	 * @param historyStart the new seq of the first message to send to the model from now on; negative for the
	 * question appended now
	 * @param answerId the id of the answer (known before it is stored when it is streamed)
	 * @return the stored answer
	 */
	@Transactional
	public StoredMessage appendTurn(String conversationId, int historyStart, NewMessage question, String answerId,
			NewMessage answer) {
		return appendTurn(conversationId, historyStart, UUID.randomUUID().toString(), question, answerId, answer);
	}

	/**
	 * Appends a question and its answer, the question under an id known beforehand (things stored with it, such as
	 * its photos, refer to it).
	 */
	@Transactional
	public StoredMessage appendTurn(String conversationId, int historyStart, String questionId, NewMessage question,
			String answerId, NewMessage answer) {
		int next = this.jdbc.sql("select coalesce(max(seq), -1) + 1 from message where conversation_id = ?")
			.param(conversationId)
			.query(Integer.class)
			.single();
		insert(questionId, conversationId, next, StoredMessage.USER, question);
		StoredMessage stored = insert(answerId, conversationId, next + 1, StoredMessage.ASSISTANT, answer);
		this.jdbc.sql("update conversation set history_start = ? where id = ?").params((historyStart >= 0) ? historyStart : next, conversationId)
			.update();
		return stored;
	}

	/** How long the customer waited for the first text of an answer, for the dashboard's latency. */
	public void recordFirstToken(String answerId, long millis) {
		this.jdbc.sql("update message set first_token_ms = ? where id = ?").params(millis, answerId).update();
	}

	private StoredMessage insert(String id, String conversationId, int seq, String role, NewMessage message) {
		TokenUsage usage = message.usage();
		StoredMessage stored = new StoredMessage(id, seq, role, message.content(),
				message.promptText(), message.mode(), message.citationsJson(), message.passagesJson(), message.reasoning(),
				usage, now());
		this.jdbc.sql("""
				insert into message (id, conversation_id, seq, role, content, prompt_text, mode, citations, passages, reasoning,
				  prompt_tokens, completion_tokens, cache_hit_tokens, cache_miss_tokens, cost_cny, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(stored.id(), conversationId, seq, role, stored.content(), stored.promptText(), stored.mode(),
					stored.citationsJson(), stored.passagesJson(), stored.reasoning(), (usage != null) ? usage.promptTokens() : null,
					(usage != null) ? usage.completionTokens() : null, (usage != null) ? usage.cacheHitTokens() : null,
					(usage != null) ? usage.cacheMissTokens() : null, (usage != null) ? usage.costCny() : null,
					stored.createdAt())
			.update();
		return stored;
	}

	private static StoredMessage message(ResultSet rs, int row) throws SQLException {
		long promptTokens = rs.getLong("prompt_tokens");
		TokenUsage usage = rs.wasNull() ? null
				: new TokenUsage(promptTokens, rs.getLong("completion_tokens"), rs.getLong("cache_hit_tokens"),
						rs.getLong("cache_miss_tokens"), rs.getBigDecimal("cost_cny"));
		return new StoredMessage(rs.getString("id"), rs.getInt("seq"), rs.getString("role"), rs.getString("content"),
				rs.getString("prompt_text"), rs.getString("mode"), rs.getString("citations"), rs.getString("passages"),
				rs.getString("reasoning"),
				usage, rs.getObject("created_at", OffsetDateTime.class));
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

	/**
	 * A message to append.
	 *
	 * @param content what the customer sees
	 * @param promptText what the model saw or said
	 * @param mode chat mode wire name of an answer, or null
	 * @param citationsJson citations of an answer as JSON, or null
	 * @param passagesJson passages of a user turn as JSON, or null
	 * @param reasoning reasoning, or null
	 * @param usage tokens and cost, or null
	 */
	public record NewMessage(String content, String promptText, String mode, String citationsJson, String passagesJson,
			String reasoning, TokenUsage usage) {

		public static NewMessage question(String content, String promptText, String passagesJson) {
			return new NewMessage(content, promptText, null, null, passagesJson, null, null);
		}

	}

}
