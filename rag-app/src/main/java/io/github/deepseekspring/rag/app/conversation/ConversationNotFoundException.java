package io.github.deepseekspring.rag.app.conversation;

/** No conversation with the id, or not one of the caller's. */
public class ConversationNotFoundException extends RuntimeException {

	public ConversationNotFoundException(String id) {
		super("No conversation " + id);
	}

}
