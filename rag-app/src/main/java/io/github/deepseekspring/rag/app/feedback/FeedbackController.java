package io.github.deepseekspring.rag.app.feedback;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.github.deepseekspring.rag.app.chat.ChatOwner;
import io.github.deepseekspring.rag.app.chat.InvalidMessageException;
import io.github.deepseekspring.rag.app.conversation.ConversationNotFoundException;
import io.github.deepseekspring.rag.app.conversation.ConversationStore;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A customer rates an answer or asks for a human agent, in a conversation of their own. */
@RestController
@RequestMapping("/api/chat/{conversationId}")
class FeedbackController {

	private static final int MAX_COMMENT = 2000;

	private static final int MAX_CONTACT = 200;

	private final ConversationStore conversations;

	private final FeedbackStore feedback;

	private final ChatOwner owners;

	FeedbackController(ConversationStore conversations, FeedbackStore feedback, ChatOwner owners) {
		this.conversations = conversations;
		this.feedback = feedback;
		this.owners = owners;
	}

	@PostMapping("/feedback")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void rate(@PathVariable String conversationId, @RequestBody FeedbackRequest body, HttpServletRequest request) {
		requireOwned(conversationId, request);
		if (body.messageId() == null || !this.feedback.isAnswer(conversationId, body.messageId())) {
			throw new InvalidMessageException("messageId must name an answer of this conversation");
		}
		if (body.rating() == null) {
			throw new InvalidMessageException("rating must be up or down");
		}
		this.feedback.rate(conversationId, body.messageId(), body.rating(), limited(body.comment(), MAX_COMMENT, "comment"));
	}

	@PostMapping("/handoff")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> handoff(@PathVariable String conversationId,
			@RequestBody(required = false) HandoffRequest body, HttpServletRequest request) {
		requireOwned(conversationId, request);
		HandoffRequest handoff = (body != null) ? body : new HandoffRequest(null, null, null);
		String customerRef = limited(handoff.customerRef(), CustomerReference.MAX_LENGTH, "customerRef");
		if (customerRef != null && !CustomerReference.valid(customerRef)) {
			throw new InvalidMessageException("customerRef may hold only letters, digits, spaces and . _ : # @ / + -");
		}
		Ticket ticket = this.feedback.openTicket(conversationId, limited(handoff.reason(), MAX_COMMENT, "reason"),
				limited(handoff.contact(), MAX_CONTACT, "contact"), customerRef);
		return Map.of("ticketId", ticket.ticketId(), "status", ticket.status());
	}

	private void requireOwned(String conversationId, HttpServletRequest request) {
		this.conversations.findOwned(conversationId, this.owners.existingOwnerHash(request))
			.orElseThrow(() -> new ConversationNotFoundException(conversationId));
	}

	private static String limited(String text, int max, String name) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (text.length() > max) {
			throw new InvalidMessageException(name + " is longer than " + max + " characters");
		}
		return text.strip();
	}

	/**
	 * A rating.
	 *
	 * @param messageId the rated answer
	 * @param rating {@code up} or {@code down}
	 * @param comment optional comment
	 */
	record FeedbackRequest(String messageId, Rating rating, String comment) {

	}

	/**
	 * A request for a human agent.
	 *
	 * @param reason optional reason
	 * @param contact optional contact (phone, e-mail)
	 * @param customerRef optional reference the page embedding the widget gave for its customer (display data only)
	 */
	record HandoffRequest(String reason, String contact, String customerRef) {

	}

}
