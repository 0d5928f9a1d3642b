package io.github.deepseekspring.rag.app.agent;

import io.github.deepseekspring.rag.app.Problems;
import io.github.deepseekspring.rag.embedding.EmbeddingUnavailableException;
import io.github.deepseekspring.rag.ingest.UnreadableDocumentException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details for the agent inbox's errors; the chat's (bad messages, unknown conversations, unreadable
 * JSON) are answered by the chat's own advice.
 */
@RestControllerAdvice(basePackages = "io.github.deepseekspring.rag.app.agent")
class AgentProblems {

	@ExceptionHandler(TicketNotFoundException.class)
	ProblemDetail notFound(TicketNotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "Ticket not found", ex.getMessage());
	}

	@ExceptionHandler(TicketConflictException.class)
	ProblemDetail conflict(TicketConflictException ex) {
		return Problems.of(HttpStatus.CONFLICT, "Not possible in the ticket's state", ex.getMessage());
	}

	@ExceptionHandler({ KnowledgeUnavailableException.class, EmbeddingUnavailableException.class })
	ProblemDetail knowledgeUnavailable(RuntimeException ex) {
		return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Knowledge base unavailable",
				"The knowledge base cannot be searched or written right now; please try again in a moment.");
	}

	@ExceptionHandler(UnreadableDocumentException.class)
	ProblemDetail unreadable(UnreadableDocumentException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Not a valid FAQ entry", ex.getMessage());
	}

}
