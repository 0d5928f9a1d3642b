package io.github.deepseekspring.rag.app.privacy;

import java.util.Map;

import io.github.deepseekspring.rag.app.chat.ChatOwner;
import io.github.deepseekspring.rag.app.conversation.ConversationStore;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasure endpoints: a customer deletes their own conversation; an admin erases a conversation or everything tied to
 * a contact. The contact travels in the body, not the URL, so it does not end up in access logs.
 */
@RestController
class ErasureController {

	private final ErasureService erasure;

	private final ConversationStore conversations;

	private final ChatOwner owners;

	ErasureController(ErasureService erasure, ConversationStore conversations, ChatOwner owners) {
		this.erasure = erasure;
		this.conversations = conversations;
		this.owners = owners;
	}

	/** The caller's own conversation (bound to the chat cookie); 404 for anyone else's, as for reading it. */
	@DeleteMapping("/api/chat/{conversationId}")
	ResponseEntity<?> eraseOwn(@PathVariable String conversationId, HttpServletRequest request) {
		String owner = this.owners.existingOwnerHash(request);
		if (owner == null || this.conversations.findOwned(conversationId, owner).isEmpty()) {
			return notFound();
		}
		this.erasure.eraseConversation(conversationId);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/admin/conversations/{conversationId}")
	ResponseEntity<?> erase(@PathVariable String conversationId) {
		return this.erasure.eraseConversation(conversationId) ? ResponseEntity.noContent().build() : notFound();
	}

	/** Body {@code {"contact": "..."}}; answers what was erased. */
	@PostMapping("/api/admin/erasure")
	ResponseEntity<?> eraseContact(@RequestBody(required = false) Map<String, Object> body) {
		Object contact = (body != null) ? body.get("contact") : null;
		if (!(contact instanceof String text) || text.isBlank() || text.strip().length() < 5 || text.length() > 200) {
			return ResponseEntity.badRequest()
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
						"contact must be a text of 5 to 200 characters (phone number, e-mail address, ...)"));
		}
		ErasureService.ContactErasure result = this.erasure.eraseContact(text);
		return ResponseEntity.ok(Map.of("conversations", result.conversations(), "feedbackComments",
				result.feedbackComments()));
	}

	private static ResponseEntity<ProblemDetail> notFound() {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such conversation."));
	}

}
