package io.github.deepseekspring.rag.app.conversation;

import java.time.OffsetDateTime;

/**
 * A stored conversation.
 *
 * @param id its id
 * @param ownerHash hash of its owner's chat cookie
 * @param language language code its system prompt is in ({@code ZH}, {@code EN})
 * @param systemPrompt the system prompt, fixed for the whole conversation so the prompt prefix stays cacheable
 * @param historyStart seq of the first message still sent to the model
 * @param createdAt when it started
 */
public record Conversation(String id, String ownerHash, String language, String systemPrompt, int historyStart,
		OffsetDateTime createdAt) {

	/** Whether the caller with this owner hash owns it. */
	public boolean ownedBy(String ownerHash) {
		return this.ownerHash.equals(ownerHash);
	}

}
