package io.github.deepseekspring.rag.app.agent;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a row of the agent channel is: a message, or an event of the takeover. */
public enum ChannelKind {

	/** The customer wrote while an agent held the conversation. */
	CUSTOMER("customer"),
	/** The agent replied. */
	AGENT("agent"),
	/** An agent took the ticket: the bot is silent from now on. */
	JOINED("joined"),
	/** The agent gave the conversation back to the bot. */
	HANDED_BACK("handed-back"),
	/** The agent closed the ticket; the bot answers again. */
	CLOSED("closed");

	private final String wireName;

	ChannelKind(String wireName) {
		this.wireName = wireName;
	}

	@JsonValue
	public String wireName() {
		return this.wireName;
	}

	/** Whether it ends the hold (and the event streams of its ticket). */
	public boolean ending() {
		return this == HANDED_BACK || this == CLOSED;
	}

	static ChannelKind fromWireName(String name) {
		for (ChannelKind kind : values()) {
			if (kind.wireName.equals(name)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("unknown channel kind " + name);
	}

}
