package io.github.deepseekspring.rag.app.chat;

/** A customer wrote to the bot while an agent holds the conversation. */
public class ConversationHeldException extends RuntimeException {

	public ConversationHeldException(String conversationId) {
		super("An agent holds conversation " + conversationId
				+ ": send messages to /api/chat/" + conversationId + "/agent/messages");
	}

}
