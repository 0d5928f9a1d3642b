package io.github.deepseekspring.rag.chat;

import java.util.List;

import io.github.deepseekspring.rag.conversation.Conversation;
import org.springframework.ai.chat.messages.Message;

/**
 * A question ready to be answered.
 *
 * @param conversation the conversation it belongs to (created for the first question)
 * @param answerId the id the answer will be stored with
 * @param question the customer's text
 * @param language the question's language (for the texts written without the model)
 * @param found what the knowledge base has for it
 * @param userTurnText the user turn as the model sees it: passages and question inside their delimiters
 * @param historyStart seq of the first earlier message in the prompt, or -1 for none
 * @param prompt system prompt, earlier turns verbatim, then this user turn
 */
record Turn(Conversation conversation, String answerId, String question, Language language, KnowledgeLookup.Found found,
		String userTurnText, int historyStart, List<Message> prompt) {

}
