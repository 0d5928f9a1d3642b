package io.github.deepseekspring.rag.app.chat;

/**
 * A customer's message.
 *
 * @param conversationId the conversation to continue; a new one starts when null
 * @param message the customer's text
 */
public record ChatRequest(String conversationId, String message) {

}
