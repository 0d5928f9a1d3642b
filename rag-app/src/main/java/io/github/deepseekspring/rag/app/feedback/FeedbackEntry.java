package io.github.deepseekspring.rag.app.feedback;

import java.time.OffsetDateTime;

/**
 * A rated answer, for the administrators.
 *
 * @param conversationId the conversation
 * @param messageId the rated answer
 * @param question the question it answered
 * @param answer the answer as the customer saw it
 * @param rating {@code up} or {@code down}
 * @param comment the customer's comment, or null
 * @param createdAt when it was rated
 */
public record FeedbackEntry(String conversationId, String messageId, String question, String answer, String rating,
		String comment, OffsetDateTime createdAt) {

}
