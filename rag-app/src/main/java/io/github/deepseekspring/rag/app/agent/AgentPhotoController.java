package io.github.deepseekspring.rag.app.agent;

import io.github.deepseekspring.rag.app.photo.PhotoResponses;
import io.github.deepseekspring.rag.app.photo.PhotoStore;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer's photos for the agent reading a ticket's transcript: only of conversations that asked for a human
 * (an agent has no business with the others); anything else is the same 404 as a photo that does not exist.
 */
@RestController
class AgentPhotoController {

	private final TicketHolds holds;

	private final PhotoStore photos;

	AgentPhotoController(TicketHolds holds, PhotoStore photos) {
		this.holds = holds;
		this.photos = photos;
	}

	@GetMapping("/api/agent/conversations/{conversationId}/photos/{photoId}")
	ResponseEntity<?> photo(@PathVariable String conversationId, @PathVariable String photoId) {
		if (!this.holds.hasTicket(conversationId)) {
			return PhotoResponses.notFound();
		}
		return PhotoResponses.of(this.photos.photo(conversationId, photoId));
	}

}
