package io.github.deepseekspring.rag.app.chat;

import java.util.List;

/**
 * A customer's message.
 *
 * @param conversationId the conversation to continue; a new one starts when null
 * @param message the customer's text
 * @param images photos as {@code data:image/...;base64,...} URLs (JPEG, PNG, GIF or WebP), or null
 */
public record ChatRequest(String conversationId, String message, List<String> images) {

	public ChatRequest(String conversationId, String message) {
		this(conversationId, message, null);
	}

}
