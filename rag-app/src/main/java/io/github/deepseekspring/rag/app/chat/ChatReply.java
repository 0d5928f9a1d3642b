package io.github.deepseekspring.rag.app.chat;

import java.util.List;

import io.github.deepseekspring.rag.app.conversation.TokenUsage;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a customer's message.
 *
 * @param conversationId the conversation
 * @param messageId the id of the answer (for feedback)
 * @param answer the answer text with citations {@code [n]}
 * @param reasoning the model's reasoning, in thinking mode
 * @param citations the cited passages, numbered as in the answer
 * @param mode how the answer was produced
 * @param usage tokens and cost, when the model was called
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatReply(String conversationId, String messageId, String answer, String reasoning,
		List<Citation> citations, ChatMode mode, TokenUsage usage) {

}
