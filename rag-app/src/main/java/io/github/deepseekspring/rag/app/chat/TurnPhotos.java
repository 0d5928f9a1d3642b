package io.github.deepseekspring.rag.app.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.rag.app.photo.Photo;
import io.github.deepseekspring.rag.app.photo.PhotoProperties;
import io.github.deepseekspring.rag.app.photo.PhotoStore;
import io.github.deepseekspring.rag.app.photo.Photos;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The photos of a turn: read from the request (checked and stripped before anything is stored), described by the
 * model for the search, put on the user messages of the prompt (this turn's and those of earlier turns still in it,
 * so a follow-up about the photo can be answered), and stored with the question.
 */
class TurnPhotos {

	private static final Logger logger = LoggerFactory.getLogger(TurnPhotos.class);

	static final String DESCRIBE_INSTRUCTIONS = """
			You help the search engine of a customer-service knowledge base for routers and broadband. Describe in \
			one or two sentences what the customer's photos show that a support article would mention: the device, \
			its lights and their colours, error codes, text on a screen or label. Never answer the question.""";

	private final Photos photos;

	private final PhotoStore store;

	private final PhotoProperties properties;

	private final ObjectProvider<ChatModel> model;

	TurnPhotos(Photos photos, PhotoStore store, PhotoProperties properties, ObjectProvider<ChatModel> model) {
		this.photos = photos;
		this.store = store;
		this.properties = properties;
		this.model = model;
	}

	/** The request's photos; a {@code PhotoRejectedException} (400/413/415) for bad ones. */
	List<Photo> read(ChatRequest request) {
		return this.photos.read(request.images());
	}

	/**
	 * The passages for a question: by its text alone when it has no photos; with photos, by the model's description
	 * of them and the text together (by the text alone when the model cannot describe them). A question sent with a
	 * photo rarely says what it shows ("what does this mean?"), yet its text alone still passes the threshold with
	 * passages about something else, so the description is asked for every photo question, not only when the text
	 * finds nothing (BENCHMARKS.md, "Photo questions: what finds the passages").
	 */
	KnowledgeLookup.Found find(KnowledgeLookup lookup, String question, List<String> earlier, List<Photo> photos) {
		String description = (photos.isEmpty() || !this.properties.describe()) ? null : describe(photos);
		return lookup.find((description != null) ? description + "\n" + question : question, earlier);
	}

	/** What the model sees in the photos, in a short call without thinking; null when no model can see them. */
	String describe(List<Photo> photos) {
		ChatModel chatModel = this.model.getIfAvailable();
		if (chatModel == null) {
			return null;
		}
		try {
			String text = chatModel
				.call(new Prompt(List.of(new SystemMessage(DESCRIBE_INSTRUCTIONS), userMessage("", photos)),
						DeepSeekChatOptions.builder().thinking(false).temperature(0.0).maxTokens(150).build()))
				.getResult()
				.getOutput()
				.getText();
			return (text != null && !text.isBlank()) ? text.strip() : null;
		}
		catch (RuntimeException ex) {
			logger.warn("The model could not describe the photos ({}); searching by the question's text", ex.toString());
			return null;
		}
	}

	/** A user message with the photos attached (text alone when there are none). */
	static UserMessage userMessage(String text, List<Photo> photos) {
		if (photos.isEmpty()) {
			return new UserMessage(text);
		}
		List<Media> media = new ArrayList<>(photos.size());
		photos.forEach((photo) -> media.add(photo.media()));
		return UserMessage.builder().text(text.isEmpty() ? "(photo)" : text).media(media).build();
	}

	/** The kept photos of the conversation's earlier questions, by question id. */
	Map<String, List<Photo>> earlier(String conversationId) {
		return this.store.photosOf(conversationId);
	}

	void store(String conversationId, String questionId, List<Photo> photos) {
		this.store.save(conversationId, questionId, photos);
	}

}
