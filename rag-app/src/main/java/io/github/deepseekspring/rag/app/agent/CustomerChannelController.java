package io.github.deepseekspring.rag.app.agent;

import jakarta.servlet.http.HttpServletRequest;

import io.github.deepseekspring.rag.app.chat.ChatOwner;
import io.github.deepseekspring.rag.app.conversation.ConversationNotFoundException;
import io.github.deepseekspring.rag.app.conversation.ConversationStore;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
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
 * The customer's side of the agent channel, for the browser that owns the conversation only (its signed chat cookie;
 * anyone else gets 404, as for the conversation itself): the live stream of the agent's replies and events, and the
 * customer's messages while an agent holds the conversation.
 */
@RestController
@RequestMapping("/api/chat/{conversationId}/agent")
class CustomerChannelController {

	private final ConversationStore conversations;

	private final ChatOwner owners;

	private final AgentDesk desk;

	private final ChannelStreams streams;

	CustomerChannelController(ConversationStore conversations, ChatOwner owners, AgentDesk desk,
			ChannelStreams streams) {
		this.conversations = conversations;
		this.owners = owners;
		this.desk = desk;
		this.streams = streams;
	}

	@GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> events(@PathVariable String conversationId,
			@RequestParam(defaultValue = "0") int after,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, HttpServletRequest request) {
		requireOwned(conversationId, request);
		return this.streams.events(conversationId, AgentController.resumeAfter(after, lastEventId));
	}

	@PostMapping("/messages")
	@ResponseStatus(HttpStatus.CREATED)
	ChannelMessage message(@PathVariable String conversationId, @RequestBody MessageRequest body,
			HttpServletRequest request) {
		requireOwned(conversationId, request);
		return this.desk.fromCustomer(conversationId, body.message());
	}

	private void requireOwned(String conversationId, HttpServletRequest request) {
		this.conversations.findOwned(conversationId, this.owners.existingOwnerHash(request))
			.orElseThrow(() -> new ConversationNotFoundException(conversationId));
	}

	/**
	 * A customer's message to the agent.
	 *
	 * @param message the text
	 */
	record MessageRequest(String message) {

	}

}
