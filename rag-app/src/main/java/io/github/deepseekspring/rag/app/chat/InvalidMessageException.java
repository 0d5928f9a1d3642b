package io.github.deepseekspring.rag.app.chat;

/** A customer message that cannot be answered as sent (empty, too long). */
public class InvalidMessageException extends RuntimeException {

	public InvalidMessageException(String message) {
		super(message);
	}

}
