package io.github.deepseekspring.rag.app.chat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.deepseekspring.rag.app.conversation.ConversationNotFoundException;
import io.github.deepseekspring.rag.app.conversation.ConversationStore;
import io.github.deepseekspring.rag.app.limits.ModelCallAdmission;
import io.github.deepseekspring.rag.app.photo.PhotoStore;
import io.github.deepseekspring.rag.app.photo.StoredPhoto;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** The customer chat: a question in, an answer with citations out (contract in the chat API notes). */
@RestController
@RequestMapping("/api/chat")
class ChatController {

	private final ChatService chat;

	private final ChatStreamService stream;

	private final ChatTurns turns;

	private final ConversationStore conversations;

	private final ChatOwner owners;

	private final PhotoStore photos;

	ChatController(ChatService chat, ChatStreamService stream, ChatTurns turns, ConversationStore conversations,
			ChatOwner owners, PhotoStore photos) {
		this.photos = photos;
		this.chat = chat;
		this.stream = stream;
		this.turns = turns;
		this.conversations = conversations;
		this.owners = owners;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ChatReply chat(@RequestBody ChatRequest body, HttpServletRequest request, HttpServletResponse response) {
		return this.chat.answer(body, this.owners.ownerHash(request, response));
	}

	@PostMapping(path = "/stream", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> stream(@RequestBody ChatRequest body, HttpServletRequest request,
			HttpServletResponse response) {
		return this.stream.stream(body, this.owners.ownerHash(request, response), ModelCallAdmission.of(request));
	}

	@GetMapping(path = "/{conversationId}", produces = MediaType.APPLICATION_JSON_VALUE)
	ConversationView conversation(@PathVariable String conversationId, HttpServletRequest request) {
		this.conversations.findOwned(conversationId, this.owners.existingOwnerHash(request))
			.orElseThrow(() -> new ConversationNotFoundException(conversationId));
		java.util.Map<String, java.util.List<StoredPhoto>> photos = this.photos.forConversation(conversationId);
		return new ConversationView(conversationId, this.conversations.messages(conversationId)
			.stream()
			.map((message) -> new ConversationView.Entry(message.id(), message.role(), message.content(),
					(message.mode() != null) ? ChatMode.fromWireName(message.mode()) : null,
					this.turns.storedCitations(message.citationsJson()), message.createdAt(),
					photoPaths(conversationId, photos.get(message.id()))))
			.toList());
	}

	private static java.util.List<String> photoPaths(String conversationId, java.util.List<StoredPhoto> photos) {
		if (photos == null) {
			return null;
		}
		return photos.stream()
			.map((photo) -> photo.kept() ? "/api/chat/" + conversationId + "/photos/" + photo.photoId() : null)
			.toList();
	}

}
