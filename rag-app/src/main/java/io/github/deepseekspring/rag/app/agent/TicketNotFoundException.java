package io.github.deepseekspring.rag.app.agent;

/** No ticket with the id. */
class TicketNotFoundException extends RuntimeException {

	TicketNotFoundException(String ticketId) {
		super("No ticket " + ticketId);
	}

}
