package io.github.deepseekspring.rag.app.openai;

import java.util.ArrayList;
import java.util.List;

import io.github.deepseekspring.rag.app.chat.ChatProperties;
import io.github.deepseekspring.rag.app.chat.KnowledgeLookup;
import io.github.deepseekspring.rag.app.chat.Language;
import io.github.deepseekspring.rag.app.chat.PromptTexts;
import io.github.deepseekspring.rag.retrieval.SearchHit;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;

/**
 * The {@code kb} model, on the customer chat's building blocks: the chat's passage lookup (thresholds, FAQ), its
 * system prompt and delimited user turn (the client's own system messages are dropped), its not-covered sentinel and
 * its citation renumbering. Unlike the chat it stores nothing: an OpenAI client sends the whole conversation.
 */
final class KnowledgeBaseAnswers {

	private final KnowledgeLookup lookup;

	private final PromptTexts texts;

	private final ChatProperties chat;

	KnowledgeBaseAnswers(KnowledgeLookup lookup, PromptTexts texts, ChatProperties chat) {
		this.lookup = lookup;
		this.texts = texts;
		this.chat = chat;
	}

	/** Looks up the passages for the conversation's last user message and lays out the model's prompt. */
	Grounding ground(List<Message> conversation, String question) {
		Language language = Language.detect(question, this.chat.englishMaxCjkRatio());
		int last = lastUser(conversation);
		KnowledgeLookup.Found found = question.isBlank() ? new KnowledgeLookup.Found(List.of(), -1)
				: this.lookup.find(question, earlierQuestions(conversation, last));
		List<Message> prompt = new ArrayList<>(conversation.size() + 1);
		prompt.add(new SystemMessage(this.texts.systemPrompt(language)));
		for (int i = 0; i < conversation.size(); i++) {
			Message message = conversation.get(i);
			if (i == last) {
				prompt.add(new UserMessage(this.texts.userTurn(found.passages(), question)));
			}
			else if (message.getMessageType() != MessageType.SYSTEM) {
				prompt.add(message);
			}
		}
		return new Grounding(found, language, List.copyOf(prompt),
				new KnowledgeBaseText(found.passages(), language, this.chat.notCoveredSentinel()));
	}

	/** The client's user messages before the last one, oldest first: what a follow-up question refers to. */
	private static List<String> earlierQuestions(List<Message> conversation, int last) {
		List<String> earlier = new ArrayList<>();
		for (int i = 0; i < last; i++) {
			Message message = conversation.get(i);
			if (message.getMessageType() == MessageType.USER && message.getText() != null && !message.getText().isBlank()) {
				earlier.add(message.getText());
			}
		}
		return earlier;
	}

	private static int lastUser(List<Message> conversation) {
		for (int i = conversation.size() - 1; i >= 0; i--) {
			if (conversation.get(i).getMessageType() == MessageType.USER) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The lookup, the prompt for the model and the answer text's treatment.
	 *
	 * @param found the passages
	 * @param language the question's language
	 * @param prompt the messages for the model
	 * @param text how the answer reaches the client
	 */
	record Grounding(KnowledgeLookup.Found found, Language language, List<Message> prompt, KnowledgeBaseText text) {

		/** The answer when the model is not asked: not covered, an FAQ entry, or the best passage; null otherwise. */
		String withoutModel(boolean modelAvailable) {
			if (!this.found.covered()) {
				return KnowledgeBaseText.notCovered(this.language);
			}
			if (this.found.faq()) {
				int index = this.found.faqIndex();
				return this.text.whole(this.found.passages().get(index).text().strip() + " [" + (index + 1) + "]");
			}
			if (!modelAvailable) {
				SearchHit best = this.found.passages().get(0);
				String intro = (this.language == Language.EN)
						? "The language model is not available; the closest passage of the knowledge base [1]:\n\n"
						: "语言模型暂不可用，以下是知识库中最相关的段落 [1]：\n\n";
				return this.text.whole(intro + best.text().strip());
			}
			return null;
		}

	}

}
