package io.github.deepseekspring.rag.app.agent;

import java.util.List;
import java.util.Map;

/**
 * The extension point for content of a chat message beyond its text and citations, such as the photos a customer
 * attached ({@link TranscriptPhotos}): every bean of this type is asked once per transcript, and the parts it gives
 * a stored message are shown after that message's text, in bean order. Render a new part type in the inbox by adding
 * {@code window.InboxParts[type]}.
 */
@FunctionalInterface
public interface TranscriptPartSource {

	/** Parts of the conversation's stored messages beyond their text and citations, by message id. */
	Map<String, List<TranscriptPart>> parts(String conversationId);

}
