package io.github.deepseekspring.rag.app.agent;

import java.time.OffsetDateTime;
import java.util.List;

import io.github.deepseekspring.rag.app.chat.Citation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One row of the agent channel, as both sides' event streams send it.
 *
 * @param conversationId the conversation
 * @param ticketId the ticket it belongs to
 * @param seq its position in the conversation's channel (from 1, no gaps); the event id of the stream
 * @param kind what it is
 * @param author the name the customer sees for the agent; null for the customer (and for staff without one)
 * @param text the message; null for events
 * @param citations the passages an agent's reply cites, numbered as {@code [n]} in its text
 * @param at when it was written
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelMessage(String conversationId, String ticketId, int seq, ChannelKind kind, String author,
		String text, List<Citation> citations, OffsetDateTime at) {

}
