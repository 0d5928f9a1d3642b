package io.github.deepseekspring.rag.app.photo;

import jakarta.servlet.http.HttpServletRequest;

import io.github.deepseekspring.rag.app.chat.ChatOwner;
import io.github.deepseekspring.rag.app.conversation.ConversationStore;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stored photos: to the customer who owns the conversation (chat cookie), and to the administrator (tickets);
 * support agents see those of conversations with a ticket in the inbox.
 * Anyone else gets the same 404 as for a photo that does not exist.
 */
@RestController
class PhotoController {

	private final PhotoStore photos;

	private final ConversationStore conversations;

	private final ChatOwner owners;

	PhotoController(PhotoStore photos, ConversationStore conversations, ChatOwner owners) {
		this.photos = photos;
		this.conversations = conversations;
		this.owners = owners;
	}

	@GetMapping("/api/chat/{conversationId}/photos/{photoId}")
	ResponseEntity<?> own(@PathVariable String conversationId, @PathVariable String photoId,
			HttpServletRequest request) {
		String owner = this.owners.existingOwnerHash(request);
		if (owner == null || this.conversations.findOwned(conversationId, owner).isEmpty()) {
			return notFound();
		}
		return photo(conversationId, photoId);
	}

	@GetMapping("/api/admin/conversations/{conversationId}/photos/{photoId}")
	ResponseEntity<?> admin(@PathVariable String conversationId, @PathVariable String photoId) {
		return photo(conversationId, photoId);
	}

	private ResponseEntity<?> photo(String conversationId, String photoId) {
		return PhotoResponses.of(this.photos.photo(conversationId, photoId));
	}

	private static ResponseEntity<?> notFound() {
		return PhotoResponses.notFound();
	}

}
