package io.github.deepseekspring.rag.app.privacy;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Right to erasure. Deleting a conversation deletes its messages (to the bot and on the agent channel), feedback and
 * tickets (the tables cascade); erasing a contact (phone number, e-mail address, name as given) deletes every
 * conversation with a ticket for that contact or a message containing it, and blanks feedback comments that mention
 * it. Audit rows stay: they hold only digests of the texts.
 */
public class ErasureService {

	private final JdbcClient jdbc;

	public ErasureService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the conversation existed (and is now gone with everything tied to it). */
	@Transactional
	public boolean eraseConversation(String conversationId) {
		return this.jdbc.sql("delete from conversation where id = ?").param(conversationId).update() > 0;
	}

	/** What erasing a contact removed. */
	public record ContactErasure(int conversations, int feedbackComments) {

	}

	@Transactional
	public ContactErasure eraseContact(String contact) {
		String value = contact.strip();
		String like = "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		Set<String> conversations = new LinkedHashSet<>();
		conversations.addAll(this.jdbc.sql("select conversation_id from ticket where lower(contact) = lower(?)")
			.param(value)
			.query(String.class)
			.list());
		conversations.addAll(this.jdbc
			.sql("select distinct conversation_id from message where content like ? escape '\\' "
					+ "or prompt_text like ? escape '\\'")
			.params(like, like)
			.query(String.class)
			.list());
		// What the customer told a human agent, on the agent channel.
		conversations.addAll(this.jdbc
			.sql("select distinct conversation_id from agent_message where content like ? escape '\\'")
			.param(like)
			.query(String.class)
			.list());
		int feedback = this.jdbc.sql("update feedback set comment = null where comment like ? escape '\\'")
			.param(like)
			.update();
		int erased = 0;
		for (String id : conversations) {
			if (eraseConversation(id)) {
				erased++;
			}
		}
		return new ContactErasure(erased, feedback);
	}

}
