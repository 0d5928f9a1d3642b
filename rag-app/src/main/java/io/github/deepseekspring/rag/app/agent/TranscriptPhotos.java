package io.github.deepseekspring.rag.app.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.deepseekspring.rag.app.photo.PhotoStore;
import io.github.deepseekspring.rag.app.photo.StoredPhoto;

import org.springframework.web.util.UriUtils;

/**
 * The photos a customer attached to their questions, in the agent's transcript: each a {@code photo} part linking to
 * the inbox's own photo endpoint, or saying that its bytes are no longer kept (the storage budget drops the oldest).
 */
public class TranscriptPhotos implements TranscriptPartSource {

	private final PhotoStore photos;

	public TranscriptPhotos(PhotoStore photos) {
		this.photos = photos;
	}

	@Override
	public Map<String, List<TranscriptPart>> parts(String conversationId) {
		Map<String, List<TranscriptPart>> parts = new LinkedHashMap<>();
		this.photos.forConversation(conversationId)
			.forEach((messageId, stored) -> parts.put(messageId,
					stored.stream().map((photo) -> part(conversationId, photo)).toList()));
		return parts;
	}

	private static TranscriptPart part(String conversationId, StoredPhoto photo) {
		String url = "/api/agent/conversations/" + UriUtils.encodePathSegment(conversationId, "UTF-8") + "/photos/"
				+ UriUtils.encodePathSegment(photo.photoId(), "UTF-8");
		return new TranscriptPart.Photo(photo.kept() ? url : null, photo.format());
	}

}
