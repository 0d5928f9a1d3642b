package io.github.deepseekspring.rag.app.photo;

/**
 * A photo as stored with a conversation.
 *
 * @param photoId its id
 * @param messageId the question it was attached to
 * @param format its format ({@code JPEG}, {@code PNG}, {@code GIF}, {@code WEBP})
 * @param sha256 the digest of its bytes
 * @param sizeBytes its size
 * @param kept whether its bytes are still kept (the oldest are dropped past the storage budget)
 */
public record StoredPhoto(String photoId, String messageId, String format, String sha256, long sizeBytes,
		boolean kept) {

}
