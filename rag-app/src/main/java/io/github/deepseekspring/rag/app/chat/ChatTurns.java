package io.github.deepseekspring.rag.app.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.deepseekspring.rag.app.conversation.Conversation;
import io.github.deepseekspring.rag.app.conversation.ConversationNotFoundException;
import io.github.deepseekspring.rag.app.conversation.ConversationStore;
import io.github.deepseekspring.rag.app.conversation.ConversationStore.NewMessage;
import io.github.deepseekspring.rag.app.conversation.StoredMessage;
import io.github.deepseekspring.rag.app.conversation.TokenUsage;
import io.github.deepseekspring.rag.app.photo.Photo;
import io.github.deepseekspring.rag.retrieval.SearchHit;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.support.TransactionOperations;

/**
 * The steps of a turn around the model call, shared by the JSON and the streaming endpoint: validate, find the
 * passages, lay out the prompt (system prompt, earlier turns verbatim, new turn), and store the outcome.
 */
public class ChatTurns {

	private static final int RETRIEVAL_ONLY_PASSAGES = 3;

	private final ConversationStore conversations;

	private final KnowledgeLookup lookup;

	private final PromptTexts texts;

	private final ChatProperties properties;

	private final JsonMapper json;

	private final TurnPhotos photos;

	private final TurnCache cache;

	private final TransactionOperations transactions;

	private final HeldConversations held;

	ChatTurns(ConversationStore conversations, KnowledgeLookup lookup, PromptTexts texts, ChatProperties properties,
			JsonMapper json, TurnPhotos photos, TurnCache cache, TransactionOperations transactions,
			HeldConversations held) {
		this.conversations = conversations;
		this.lookup = lookup;
		this.texts = texts;
		this.properties = properties;
		this.json = json;
		this.photos = photos;
		this.cache = cache;
		this.transactions = transactions;
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
		String question = (request.message() != null) ? ControlCharacters.strip(request.message()).strip() : "";
		if (question.isEmpty()) {
			throw new InvalidMessageException("The message is empty");
		}
		if (question.length() > this.properties.maxMessageLength()) {
			throw new InvalidMessageException(
					"The message is longer than " + this.properties.maxMessageLength() + " characters");
		}
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
		int next = numbered.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
		List<Integer> relevant = new ArrayList<>();
		List<Integer> earlier = new ArrayList<>();
		List<PromptTexts.Numbered> fresh = new ArrayList<>();
		List<PassageRef> sent = new ArrayList<>();
		for (SearchHit hit : found.passages()) {
			Integer known = numberOf(numbered, hit.chunkId());
			if (known != null) {
				earlier.add(known);
				relevant.add(known);
				continue;
			}
			PassageRef passage = PassageRef.of(next++, hit);
			fresh.add(new PromptTexts.Numbered(passage.n(), hit));
			sent.add(passage);
			relevant.add(passage.n());
		}
		sent.forEach((passage) -> numbered.put(passage.n(), passage));
		String userTurn = this.texts.userTurn(fresh, earlier, question);
		prompt.add(TurnPhotos.userMessage(userTurn, photos));
		return new Turn(conversation, UUID.randomUUID().toString(), question, language, found, List.copyOf(relevant),
				Map.copyOf(numbered), List.copyOf(sent), userTurn, window.startSeq(), List.copyOf(prompt),
				UUID.randomUUID().toString(), photos, started);
	}

	private static List<String> earlierQuestions(List<StoredMessage> history) {
		return history.stream()
			.filter((message) -> StoredMessage.USER.equals(message.role()))
			.map(StoredMessage::content)
			.toList();
	}

	private static Integer numberOf(Map<Integer, PassageRef> numbered, String chunkId) {
		for (PassageRef passage : numbered.values()) {
			if (passage.chunkId().equals(chunkId)) {
				return passage.n();
			}
		}
		return null;
	}

	/**
	 * The model's answer; not covered when it answered with the sentinel, or when it repeats the system prompt (an
	 * injection that succeeded must not show the customer the instructions).
	 */
	Outcome fromModel(Turn turn, String modelText, String reasoning, TokenUsage usage) {
		if (modelText == null || modelText.isBlank() || isNotCovered(modelText) || leakGuard(turn).leaks(modelText)) {
			return new Outcome(ChatMode.NOT_COVERED, (modelText != null) ? modelText : "",
					CannedAnswers.notCovered(turn.language()), List.of(), reasoning, usage);
		}
		CitationNumbers numbers = new CitationNumbers(turn.numbered().keySet());
		String answer = numbers.rewrite(modelText);
		return new Outcome(ChatMode.LLM, modelText, answer, numbers.cited(), reasoning, usage);
	}

	/** The guard against repeating the system prompt of the turn's conversation. */
	SystemPromptLeak leakGuard(Turn turn) {
		return this.texts.leakGuard(turn.conversation().systemPrompt());
	}

	/** Whether customers see reasoning at all ({@link ChatProperties#showReasoning()}). */
	boolean showReasoning() {
		return this.properties.showReasoning();
	}

	/**
	 * The reasoning the customer may see: only when shown at all, only with a model answer that was shown (never
	 * with a blocked one), and only when it does not repeat the system prompt itself.
	 */
	String visibleReasoning(Turn turn, Outcome outcome) {
		if (!showReasoning() || outcome.mode() != ChatMode.LLM || outcome.reasoning() == null
				|| leakGuard(turn).leaks(outcome.reasoning())) {
			return null;
		}
		return outcome.reasoning();
	}

	boolean isNotCovered(String modelText) {
		return modelText.contains(this.properties.notCoveredSentinel());
	}

	/** Whether the start of a streamed answer may still turn out to be the not-covered sentinel. */
	boolean couldBeNotCovered(String start) {
		String sentinel = this.properties.notCoveredSentinel();
		return (start.length() < sentinel.length()) ? sentinel.startsWith(start) : start.startsWith(sentinel);
	}

	/** The FAQ answer as the knowledge base has it. */
	Outcome faq(Turn turn) {
		int index = turn.found().faqIndex();
		String modelText = turn.found().passages().get(index).text().strip() + " [" + turn.relevant().get(index) + "]";
		CitationNumbers numbers = new CitationNumbers(turn.numbered().keySet());
		return new Outcome(ChatMode.FAQ, modelText, numbers.rewrite(modelText), numbers.cited(), null, null);
	}

	/** Nothing passed the threshold. */
	Outcome notCovered(Turn turn) {
		return new Outcome(ChatMode.NOT_COVERED, this.properties.notCoveredSentinel(),
				CannedAnswers.notCovered(turn.language()), List.of(), null, null);
	}

	/** The model is away or failed: the best passages, labelled. */
	Outcome retrievalOnly(Turn turn) {
		int count = Math.min(RETRIEVAL_ONLY_PASSAGES, turn.found().passages().size());
		List<PromptTexts.Numbered> best = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			best.add(new PromptTexts.Numbered(turn.relevant().get(i), turn.found().passages().get(i)));
		}
		String modelText = CannedAnswers.retrievalOnly(turn.language(), best);
		CitationNumbers numbers = new CitationNumbers(turn.numbered().keySet());
		return new Outcome(ChatMode.RETRIEVAL_ONLY, modelText, numbers.rewrite(modelText), numbers.cited(), null, null);
	}

	/**
	 * The knowledge base could not be searched: no model call (it would answer without passages), a clear
	 * "temporarily unavailable" and the offer of a human agent. The mode is not-covered, so clients offer the handoff
	 * as they do for a question the knowledge base does not cover.
	 */
	Outcome knowledgeBaseUnavailable(Turn turn) {
		return new Outcome(ChatMode.NOT_COVERED, this.properties.notCoveredSentinel(),
				CannedAnswers.knowledgeBaseUnavailable(turn.language()), List.of(), null, null);
	}

	/**
	 * The question came with photos that no reachable model can see: said so, with a human agent offered (mode
	 * not-covered, as clients offer the handoff for it), never answered as if there were no photos.
	 */
	Outcome photosUnreadable(Turn turn) {
		return new Outcome(ChatMode.NOT_COVERED, this.properties.notCoveredSentinel(),
				CannedAnswers.photosUnreadable(turn.language()), List.of(), null, null);
	}

	/** The outcome decided without the model, or null when the model should answer. */
	Outcome withoutModel(Turn turn) {
		if (turn.found().unavailable()) {
			return knowledgeBaseUnavailable(turn);
		}
		if (!turn.found().covered()) {
			return notCovered(turn);
		}
		return turn.found().faq() ? faq(turn) : this.cache.find(turn);
	}

	/** Stores the question and its answer, and returns the answer as the API shows it. */
	ChatReply finish(Turn turn, Outcome outcome) {
		return finish(turn, outcome, (System.nanoTime() - turn.startedNanos()) / 1_000_000);
	}

	/**
	 * Stores the question with its photos and its answer with the time its first text was shown, remembers a
	 * cacheable answer, and returns the answer as the API shows it.
	 */
	ChatReply finish(Turn turn, Outcome outcome, long firstTokenMillis) {
		List<Citation> citations = citations(turn, outcome.cited());
		StoredMessage answer = this.transactions.execute((status) -> {
			StoredMessage stored = this.conversations.appendTurn(turn.conversation().id(), turn.historyStart(),
					turn.questionId(), NewMessage.question(turn.question(), turn.userTurnText(),
							turn.sent().isEmpty() ? null : this.json.writeValueAsString(turn.sent())),
					turn.answerId(), new NewMessage(outcome.answer(), outcome.modelText(), outcome.mode().wireName(),
							this.json.writeValueAsString(citations), null, outcome.reasoning(), outcome.usage()));
			this.photos.store(turn.conversation().id(), turn.questionId(), turn.photos());
			this.conversations.recordFirstToken(stored.id(), firstTokenMillis);
			return stored;
		});
		this.cache.remember(turn, outcome, citations, answer.id());
		return new ChatReply(turn.conversation().id(), answer.id(), outcome.answer(), visibleReasoning(turn, outcome),
				citations, outcome.mode(), outcome.usage());
	}

	List<Citation> citations(Turn turn, List<Integer> cited) {
		List<Citation> citations = new ArrayList<>();
		for (int i = 0; i < cited.size(); i++) {
			citations.add(turn.numbered().get(cited.get(i)).citation(i + 1));
		}
		return citations;
	}

	/** Citations stored with an answer. */
	List<Citation> storedCitations(String citationsJson) {
		if (citationsJson == null) {
			return null;
		}
		return List.of(this.json.readValue(citationsJson, Citation[].class));
	}

}
