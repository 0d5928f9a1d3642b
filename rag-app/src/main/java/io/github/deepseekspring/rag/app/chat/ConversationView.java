package io.github.deepseekspring.rag.app.chat;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A conversation as its owner sees it.
 *
 * @param conversationId its id
 * @param messages its messages, oldest first
 */
public record ConversationView(String conversationId, List<Entry> messages) {

	/**
	 * One message.
	 *
	 * @param messageId its id
	 * @param role {@code user} or {@code assistant}
	 * @param content the question, or the answer as shown
	 * @param mode how an answer was produced
	 * @param citations an answer's citations
	 * @param createdAt when it was stored
	 * @param photos a question's photos: the path of each (null for a photo no longer kept), or null for none
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Entry(String messageId, String role, String content, ChatMode mode, List<Citation> citations,
			OffsetDateTime createdAt, List<String> photos) {

	}

}
