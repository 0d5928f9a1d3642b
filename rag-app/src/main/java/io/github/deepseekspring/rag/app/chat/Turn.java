package io.github.deepseekspring.rag.app.chat;

import java.util.List;
import java.util.Map;

import io.github.deepseekspring.rag.app.conversation.Conversation;
import io.github.deepseekspring.rag.app.photo.Photo;
import org.springframework.ai.chat.messages.Message;

/**
 * A question ready to be answered.
 *
 * @param conversation the conversation it belongs to (created for the first question)
 * @param answerId the id the answer will be stored with
 * @param question the customer's text
 * @param language the question's language (for the texts written without the model)
 * @param found what the knowledge base has for it
 * @param relevant the numbers of the found passages (new or from earlier turns), best first
 * @param numbered every passage in the prompt by number: earlier turns' still in the history, and this turn's
 * @param sent the passages new in this turn's block
 * @param userTurnText the user turn as the model sees it: passages and question inside their delimiters
 * @param historyStart seq of the first earlier message in the prompt, or -1 for none
 * @param prompt system prompt, earlier turns verbatim, then this user turn
 * @param questionId the id the question will be stored with
 * @param photos the question's photos, metadata stripped
 * @param startedNanos when the question arrived ({@link System#nanoTime()})
 */
record Turn(Conversation conversation, String answerId, String question, Language language,
		KnowledgeLookup.Found found, List<Integer> relevant, Map<Integer, PassageRef> numbered, List<PassageRef> sent,
		String userTurnText, int historyStart, List<Message> prompt, String questionId, List<Photo> photos,
		long startedNanos) {

}
