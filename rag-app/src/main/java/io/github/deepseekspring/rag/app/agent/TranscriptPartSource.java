package io.github.deepseekspring.rag.app.agent;

import java.util.List;

import io.github.deepseekspring.rag.app.conversation.StoredMessage;

/**
 * The extension point for content of a chat message beyond its text and citations, such as the photos a customer
 * attached: every bean of this type is asked for the parts of each stored message of a transcript, and they are shown
 * after its text, in bean order. Render a new part type in the inbox by adding {@code window.InboxParts[type]}.
 */
@FunctionalInterface
public interface TranscriptPartSource {

	/** Parts of the message beyond its text and citations; empty when there are none. */
	List<TranscriptPart> parts(StoredMessage message);

}
