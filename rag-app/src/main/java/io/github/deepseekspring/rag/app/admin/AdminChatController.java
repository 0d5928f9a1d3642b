package io.github.deepseekspring.rag.app.admin;

import io.github.deepseekspring.rag.app.Problems;
import java.util.List;
import java.util.Map;

import io.github.deepseekspring.rag.app.feedback.FeedbackEntry;
import io.github.deepseekspring.rag.app.feedback.FeedbackStore;
import io.github.deepseekspring.rag.app.feedback.Rating;
import io.github.deepseekspring.rag.app.feedback.Ticket;
import io.github.deepseekspring.rag.app.photo.PhotoStore;
import io.github.deepseekspring.rag.app.photo.StoredPhoto;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What administrators see of the chat: feedback, hand-off tickets, unanswered questions, backends and usage. */
@RestController
@RequestMapping("/api/admin")
class AdminChatController {

	private static final int LIMIT = 500;

	private final FeedbackStore feedback;

	private final UnansweredQuestions unanswered;

	private final BackendStatus backends;

	private final PhotoStore photos;

	private final BackendSummary summary;

	AdminChatController(FeedbackStore feedback, UnansweredQuestions unanswered, BackendStatus backends,
			PhotoStore photos, org.springframework.context.MessageSource messages) {
		this.photos = photos;
		this.summary = new BackendSummary(messages);
		this.feedback = feedback;
		this.unanswered = unanswered;
		this.backends = backends;
	}

	@GetMapping("/feedback")
	List<FeedbackEntry> feedback(@RequestParam(required = false) String rating) {
		return this.feedback.feedback((rating == null || rating.isBlank()) ? null : Rating.fromWireName(rating), LIMIT);
	}

	@GetMapping("/tickets")
	List<TicketView> tickets(@RequestParam(required = false) String status) {
		if (status != null && !status.isBlank() && !Ticket.OPEN.equals(status) && !Ticket.CLOSED.equals(status)) {
			throw new IllegalArgumentException("status must be open or closed");
		}
		return this.feedback.tickets((status == null || status.isBlank()) ? null : status, LIMIT)
			.stream()
			.map((ticket) -> new TicketView(ticket.ticketId(), ticket.conversationId(), ticket.reason(),
					ticket.contact(), ticket.status(), ticket.createdAt(), photos(ticket.conversationId())))
			.toList();
	}

	/** The kept photos of the ticket's conversation, as admin paths. */
	private List<String> photos(String conversationId) {
		return this.photos.forConversation(conversationId)
			.values()
			.stream()
			.flatMap(List::stream)
			.filter(StoredPhoto::kept)
			.map((photo) -> "/api/admin/conversations/" + conversationId + "/photos/" + photo.photoId())
			.toList();
	}

	/**
	 * A ticket with the photos the customer sent in its conversation.
	 *
	 * @param ticketId its id
	 * @param conversationId its conversation
	 * @param reason the customer's reason
	 * @param contact how to reach the customer
	 * @param status open or closed
	 * @param createdAt when it was opened
	 * @param photos paths of the conversation's photos
	 */
	record TicketView(String ticketId, String conversationId, String reason, String contact, String status,
			java.time.OffsetDateTime createdAt, List<String> photos) {

	}

	@PostMapping("/tickets/{ticketId}/close")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void close(@PathVariable String ticketId) {
		if (!this.feedback.closeTicket(ticketId)) {
			throw new TicketNotFoundException(ticketId);
		}
	}

	@GetMapping("/unanswered")
	List<UnansweredGroup> unanswered() {
		return this.unanswered.groups();
	}

	@GetMapping("/backend")
	Map<String, Object> backend(java.util.Locale locale) {
		Map<String, Object> status = new java.util.LinkedHashMap<>(this.backends.status());
		status.put("summary", this.summary.sentences(status, locale));
		return status;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Bad request", ex.getMessage());
	}

	@ExceptionHandler(TicketNotFoundException.class)
	ProblemDetail notFound(TicketNotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "Ticket not found", ex.getMessage());
	}

	static final class TicketNotFoundException extends RuntimeException {

		TicketNotFoundException(String ticketId) {
			super("No ticket " + ticketId);
		}

	}

}
