package io.github.deepseekspring.rag.app.feedback;

import java.time.OffsetDateTime;

/**
 * A request for a human agent.
 *
 * @param ticketId its id
 * @param conversationId the conversation it came from
 * @param reason the customer's reason, or null
 * @param contact how to reach the customer, or null
 * @param customerRef what the page embedding the chat widget said about the customer ({@link CustomerReference}),
 * or null
 * @param status {@code open} or {@code closed}
 * @param createdAt when it was opened
 */
public record Ticket(String ticketId, String conversationId, String reason, String contact, String customerRef,
		String status, OffsetDateTime createdAt) {

	/** Status of a ticket waiting for an agent. */
	public static final String OPEN = "open";

	/** Status of a handled ticket. */
	public static final String CLOSED = "closed";

}
