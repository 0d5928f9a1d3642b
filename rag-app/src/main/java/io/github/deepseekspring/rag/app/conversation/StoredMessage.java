package io.github.deepseekspring.rag.app.conversation;

import java.time.OffsetDateTime;

/**
 * One stored message of a conversation.
 *
 * @param id its id
 * @param seq its position in the conversation (0-based)
 * @param role {@code user} or {@code assistant}
 * @param content what the customer sees (the question; the answer with renumbered citations)
 * @param promptText exactly what the model saw (user turn with passages) or said, repeated in later prompts
 * @param mode how an answer was produced (chat mode wire name); null for user messages
 * @param citationsJson the answer's citations as JSON; null for user messages
 * @param passagesJson the passages a user turn sent to the model, as JSON; null for answers
 * @param reasoning the model's reasoning, if any
 * @param usage tokens and cost of the model call that wrote an answer; null otherwise
 * @param createdAt when it was stored
 */
public record StoredMessage(String id, int seq, String role, String content, String promptText, String mode,
		String citationsJson, String passagesJson, String reasoning, TokenUsage usage, OffsetDateTime createdAt) {

	/** The user role. */
	public static final String USER = "user";

	/** The assistant role. */
	public static final String ASSISTANT = "assistant";

}
