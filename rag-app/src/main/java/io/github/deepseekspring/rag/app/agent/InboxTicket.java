package io.github.deepseekspring.rag.app.agent;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A hand-off ticket as the agent inbox shows it.
 *
 * @param ticketId its id
 * @param conversationId the conversation it came from
 * @param state {@code waiting} (open, nobody holds it), {@code held} (an agent answers; the bot is silent) or
 * {@code closed}
 * @param holder user name of the agent holding it (the last one, once closed)
 * @param holderName the name customers see for that agent
 * @param customerRef what the page embedding the widget said about the customer: display data, unverified
 * @param reason the customer's reason
 * @param contact how to reach the customer
 * @param createdAt when the customer asked for a human
 * @param takenAt when an agent took it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InboxTicket(String ticketId, String conversationId, String state, String holder, String holderName,
		String customerRef, String reason, String contact, OffsetDateTime createdAt, OffsetDateTime takenAt) {

	/** Open, nobody holds it. */
	public static final String WAITING = "waiting";

	/** Open, an agent holds it. */
	public static final String HELD = "held";

	/** Done. */
	public static final String CLOSED = "closed";

	public boolean open() {
		return !CLOSED.equals(this.state);
	}

	public boolean heldBy(String username) {
		return HELD.equals(this.state) && this.holder.equals(username);
	}

}
