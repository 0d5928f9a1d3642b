package io.github.deepseekspring.rag.app.chat;

import io.github.deepseekspring.rag.app.Problems;
import io.github.deepseekspring.rag.app.conversation.ConversationNotFoundException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 problem details for the chat's errors, also where the agent channel meets the chat (its messages, its conversations). */
@RestControllerAdvice(basePackages = { "io.github.deepseekspring.rag.app.chat", "io.github.deepseekspring.rag.app.feedback",
		"io.github.deepseekspring.rag.app.agent" })
@Order(Ordered.HIGHEST_PRECEDENCE)
class ChatProblems {

	@ExceptionHandler(InvalidMessageException.class)
	ProblemDetail invalid(InvalidMessageException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Invalid message", ex.getMessage());
	}

	@ExceptionHandler(ConversationNotFoundException.class)
	ProblemDetail notFound(ConversationNotFoundException ex) {
		return Problems.of(HttpStatus.NOT_FOUND, "Conversation not found", ex.getMessage());
	}

	@ExceptionHandler(ConversationHeldException.class)
	ProblemDetail held(ConversationHeldException ex) {
		return Problems.of(HttpStatus.CONFLICT, "An agent holds this conversation", ex.getMessage());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "Malformed request", "The request body is not valid JSON of the expected shape");
	}


}
