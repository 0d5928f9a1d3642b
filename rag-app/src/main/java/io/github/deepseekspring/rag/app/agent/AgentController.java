package io.github.deepseekspring.rag.app.agent;

import java.util.List;

import io.github.deepseekspring.rag.app.chat.InvalidMessageException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * The agent inbox's API (agents and the administrator): the tickets and who holds them, a ticket's transcript and
 * live channel, and taking, answering, handing back and closing.
 */
@RestController
@RequestMapping("/api/agent/tickets")
class AgentController {

	private final AgentDesk desk;

	private final TicketHolds holds;

	private final Transcript transcript;

	private final ChannelStreams streams;

	AgentController(AgentDesk desk, TicketHolds holds, Transcript transcript, ChannelStreams streams) {
		this.desk = desk;
		this.holds = holds;
		this.transcript = transcript;
		this.streams = streams;
	}

	@GetMapping
	List<InboxTicket> tickets() {
		return this.holds.inbox();
	}

	@GetMapping("/{ticketId}")
	TicketView ticket(@PathVariable String ticketId) {
		InboxTicket ticket = this.desk.ticket(ticketId);
		List<Transcript.Entry> entries = this.transcript.of(ticket.conversationId());
		int after = entries.stream().filter((entry) -> entry.seq() != null).mapToInt(Transcript.Entry::seq).max()
			.orElse(0);
		return new TicketView(ticket, entries, after);
	}

	@PostMapping("/{ticketId}/take")
	InboxTicket take(@PathVariable String ticketId, Authentication user) {
		return this.desk.take(ticketId, user.getName());
	}

	@PostMapping("/{ticketId}/messages")
	@ResponseStatus(HttpStatus.CREATED)
	ChannelMessage reply(@PathVariable String ticketId, @RequestBody ReplyRequest body, Authentication user) {
		return this.desk.reply(ticketId, user.getName(), body.text(), body.citations());
	}

	@PostMapping("/{ticketId}/hand-back")
	InboxTicket handBack(@PathVariable String ticketId, Authentication user) {
		return this.desk.end(ticketId, user.getName(), ChannelKind.HANDED_BACK, administrator(user));
	}

	@PostMapping("/{ticketId}/close")
	InboxTicket close(@PathVariable String ticketId, Authentication user) {
		return this.desk.end(ticketId, user.getName(), ChannelKind.CLOSED, administrator(user));
	}

	@GetMapping(path = "/{ticketId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> events(@PathVariable String ticketId,
			@RequestParam(defaultValue = "0") int after,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
		InboxTicket ticket = this.desk.ticket(ticketId);
		return this.streams.events(ticket.conversationId(), resumeAfter(after, lastEventId));
	}

	/** Where a stream resumes: {@code after}, or the standard {@code Last-Event-ID} of a reconnecting EventSource. */
	static int resumeAfter(int after, String lastEventId) {
		if (after < 0) {
			throw new InvalidMessageException("after must be 0 or more");
		}
		if (after == 0 && lastEventId != null && lastEventId.matches("\\d{1,9}")) {
			return Integer.parseInt(lastEventId);
		}
		return after;
	}

	private static boolean administrator(Authentication user) {
		return user.getAuthorities().stream().anyMatch((role) -> "ROLE_ADMIN".equals(role.getAuthority()));
	}

	/**
	 * An agent's reply.
	 *
	 * @param text the reply, Markdown; {@code [n]} cites the n-th passage
	 * @param citations the cited passages, in order
	 */
	record ReplyRequest(String text, List<CitedPassage> citations) {

	}

	/**
	 * A ticket with everything said in its conversation.
	 *
	 * @param ticket the ticket
	 * @param transcript the conversation, oldest first
	 * @param after the last channel seq in the transcript: where its event stream continues
	 */
	record TicketView(InboxTicket ticket, List<Transcript.Entry> transcript, int after) {

	}

}
