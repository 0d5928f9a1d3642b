package io.github.deepseekspring.rag.app.chat;

import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.model.chat.DeepSeekMetadata;
import io.github.deepseekspring.model.routing.UnsupportedRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Answers a customer's message in one response: FAQ or not covered without the model, the model otherwise, and the
 * best passages when the model is away or fails (never an error for that).
 */
public class ChatService {

	private static final Logger logger = LoggerFactory.getLogger(ChatService.class);

	private final ChatTurns turns;

	private final ObjectProvider<ChatModel> model;

	private final ChatProperties properties;

	public ChatService(ChatTurns turns, ObjectProvider<ChatModel> model, ChatProperties properties) {
		this.turns = turns;
		this.model = model;
		this.properties = properties;
	}

	public ChatReply answer(ChatRequest request, String ownerHash) {
		Turn turn = this.turns.prepare(request, ownerHash);
		Outcome outcome = this.turns.withoutModel(turn);
		if (outcome == null) {
			outcome = callModel(turn);
		}
		return this.turns.finish(turn, outcome);
	}

	private Outcome callModel(Turn turn) {
		ChatModel chatModel = this.model.getIfAvailable();
		if (chatModel == null) {
			return withoutModel(turn);
		}
		try {
			ChatResponse response = chatModel.call(prompt(turn));
			AssistantMessage message = response.getResult().getOutput();
			return this.turns.fromModel(turn, message.getText(), DeepSeekMetadata.reasoning(message).orElse(null),
					ModelUsage.of(response));
		}
		catch (RuntimeException ex) {
			logger.warn("The model failed ({}); answering from retrieval alone", ex.toString());
			return afterFailure(turn, ex);
		}
	}

	/** No model at all: the best passages, or for a question with photos the offer of a human agent. */
	Outcome withoutModel(Turn turn) {
		return turn.photos().isEmpty() ? this.turns.retrievalOnly(turn) : this.turns.photosUnreadable(turn);
	}

	/**
	 * The model call failed before anything was shown. A question with photos is told the photos cannot be read
	 * right now, with a human agent offered: whether no backend it may go to sees images (the starter's
	 * {@link UnsupportedRequestException}), the API refused them or the model is away, the passages found by the
	 * text alone would answer as if there were no photos. Anything else falls back to the best passages.
	 */
	Outcome afterFailure(Turn turn, Throwable failure) {
		if (!turn.photos().isEmpty()) {
			logger.info("Photos not read: {}", (failure instanceof UnsupportedRequestException) ? failure.getMessage()
					: failure.getClass().getSimpleName());
			return this.turns.photosUnreadable(turn);
		}
		return this.turns.retrievalOnly(turn);
	}

	Prompt prompt(Turn turn) {
		return new Prompt(turn.prompt(), DeepSeekChatOptions.builder()
			.thinking(this.properties.thinking())
			.conversationId(turn.conversation().id())
			.build());
	}

}
