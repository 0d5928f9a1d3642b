package io.github.deepseekspring.rag.app.chat;

/**
 * Whether a person holds a conversation: then the bot stays silent, and a customer's message to the bot is refused
 * (409) so that the client sends it to the person instead. The agent inbox provides it; without one no conversation
 * is ever held.
 */
@FunctionalInterface
public interface HeldConversations {

	/** Nothing is ever held. */
	HeldConversations NONE = (conversationId) -> false;

	boolean held(String conversationId);

}
