package io.github.deepseekspring.rag.app.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.deepseekspring.rag.app.conversation.Conversation;
import io.github.deepseekspring.rag.app.conversation.ConversationNotFoundException;
import io.github.deepseekspring.rag.app.conversation.ConversationStore;
import io.github.deepseekspring.rag.app.conversation.StoredMessage;
import io.github.deepseekspring.rag.app.photo.Photo;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * A customer's message made ready to answer: validated, its conversation found (or started), its passages found and
 * numbered, and its prompt laid out (system prompt, earlier turns verbatim, the new turn), so that the prompt's prefix
 * stays stable from turn to turn.
 */
class TurnPreparation {

	private final ConversationStore conversations;

	private final KnowledgeLookup lookup;

	private final PromptTexts texts;

	private final ChatProperties properties;

	private final JsonMapper json;

	private final TurnPhotos photos;

	private final HeldConversations held;

	TurnPreparation(ConversationStore conversations, KnowledgeLookup lookup, PromptTexts texts,
			ChatProperties properties, JsonMapper json, TurnPhotos photos, HeldConversations held) {
		this.conversations = conversations;
		this.lookup = lookup;
		this.texts = texts;
		this.properties = properties;
		this.json = json;
		this.photos = photos;
		this.held = held;
	}

	/**
	 * Validates the message and prepares its turn; a new conversation starts when the request names none.
	 *
	 * @throws InvalidMessageException when the message is empty or too long
	 * @param ownerHash the caller's owner hash ({@link ChatOwner})
	 * @throws ConversationNotFoundException when the named conversation does not exist or is not the caller's
	 * @throws ConversationHeldException when an agent holds the conversation (the bot stays silent)
	 */
	Turn prepare(ChatRequest request, String ownerHash) {
		long started = System.nanoTime();
		String question = validQuestion(request);
		List<Photo> photos = this.photos.read(request);
		Language language = Language.detect(question, this.properties.englishMaxCjkRatio());
		Conversation conversation = (request.conversationId() == null)
				? this.conversations.create(ownerHash, language.name(), this.texts.systemPrompt(language))
				: this.conversations.findOwned(request.conversationId(), ownerHash)
					.orElseThrow(() -> new ConversationNotFoundException(request.conversationId()));
		if (request.conversationId() != null && this.held.held(conversation.id())) {
			throw new ConversationHeldException(conversation.id());
		}
		List<StoredMessage> history = this.conversations.messagesFrom(conversation.id(), conversation.historyStart());
		// A follow-up ("那第二个呢？") often means nothing alone: the lookup reads it with the questions before it.
		KnowledgeLookup.Found found = this.photos.find(this.lookup, question, earlierQuestions(history), photos);
		if (found.faq()) {
			// The FAQ answer stands on its one passage: later prompts need no other passage of this turn.
			found = new KnowledgeLookup.Found(List.of(found.passages().get(found.faqIndex())), 0);
		}
		HistoryWindow.Window window = HistoryWindow.fit(history, this.properties.historyTokenBudget());
		List<Message> prompt = new ArrayList<>();
		prompt.add(new SystemMessage(conversation.systemPrompt()));
		Map<Integer, PassageRef> shownBefore = earlierTurns(conversation, history, window, prompt);
		PassageNumbering passages = PassageNumbering.of(shownBefore, found.passages());
		String userTurn = this.texts.userTurn(passages.fresh(), passages.earlier(), question);
		prompt.add(TurnPhotos.userMessage(userTurn, photos));
		return new Turn(conversation, UUID.randomUUID().toString(), question, language, found, passages.relevant(),
				passages.numbered(), passages.sent(), userTurn, window.startSeq(), List.copyOf(prompt),
				UUID.randomUUID().toString(), photos, started);
	}

	private String validQuestion(ChatRequest request) {
		String question = (request.message() != null) ? ControlCharacters.strip(request.message()).strip() : "";
		if (question.isEmpty()) {
			throw new InvalidMessageException("The message is empty");
		}
		if (question.length() > this.properties.maxMessageLength()) {
			throw new InvalidMessageException(
					"The message is longer than " + this.properties.maxMessageLength() + " characters");
		}
		return question;
	}

	/**
	 * Adds the earlier turns still in the history window to the prompt as they were sent (with their photos), and
	 * returns the passages they showed, by number.
	 */
	private Map<Integer, PassageRef> earlierTurns(Conversation conversation, List<StoredMessage> history,
			HistoryWindow.Window window, List<Message> prompt) {
		Map<Integer, PassageRef> numbered = new LinkedHashMap<>();
		Map<String, List<Photo>> earlierPhotos = history.isEmpty() ? Map.of() : this.photos.earlier(conversation.id());
		for (StoredMessage message : window.messages()) {
			boolean user = StoredMessage.USER.equals(message.role());
			prompt.add(user ? TurnPhotos.userMessage(message.promptText(), earlierPhotos.getOrDefault(message.id(), List.of()))
					: new AssistantMessage(message.promptText()));
			if (user && message.passagesJson() != null) {
				for (PassageRef passage : this.json.readValue(message.passagesJson(), PassageRef[].class)) {
					numbered.put(passage.n(), passage);
				}
			}
		}
		return numbered;
	}

	private static List<String> earlierQuestions(List<StoredMessage> history) {
		return history.stream()
			.filter((message) -> StoredMessage.USER.equals(message.role()))
			.map(StoredMessage::content)
			.toList();
	}

}
