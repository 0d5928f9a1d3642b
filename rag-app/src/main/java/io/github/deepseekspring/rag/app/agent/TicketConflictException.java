package io.github.deepseekspring.rag.app.agent;

/** The ticket is not in a state that allows the action: someone else holds it, nobody does, or it is closed. */
class TicketConflictException extends RuntimeException {

	TicketConflictException(String message) {
		super(message);
	}

}
