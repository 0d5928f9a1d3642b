package io.github.deepseekspring.rag.app.admin;

import io.github.deepseekspring.rag.app.Problems;
import java.util.List;
import java.util.Map;

import io.github.deepseekspring.rag.app.feedback.FeedbackEntry;
import io.github.deepseekspring.rag.app.feedback.FeedbackStore;
import io.github.deepseekspring.rag.app.feedback.Rating;
import io.github.deepseekspring.rag.app.feedback.Ticket;

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

	AdminChatController(FeedbackStore feedback, UnansweredQuestions unanswered, BackendStatus backends) {
		this.feedback = feedback;
		this.unanswered = unanswered;
		this.backends = backends;
	}

	@GetMapping("/feedback")
	List<FeedbackEntry> feedback(@RequestParam(required = false) String rating) {
		return this.feedback.feedback((rating == null || rating.isBlank()) ? null : Rating.fromWireName(rating), LIMIT);
	}

	@GetMapping("/tickets")
	List<Ticket> tickets(@RequestParam(required = false) String status) {
		if (status != null && !status.isBlank() && !Ticket.OPEN.equals(status) && !Ticket.CLOSED.equals(status)) {
			throw new IllegalArgumentException("status must be open or closed");
		}
		return this.feedback.tickets((status == null || status.isBlank()) ? null : status, LIMIT);
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
	Map<String, Object> backend() {
		return this.backends.status();
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
