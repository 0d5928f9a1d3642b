package io.github.deepseekspring.rag.app.photo;

import java.util.Base64;

import io.github.deepseekspring.model.image.ImageFormat;

import org.springframework.ai.content.Media;
import org.springframework.util.MimeType;

/**
 * A customer's photo as the app keeps and sends it: its metadata (EXIF location, comments) already stripped, with
 * the SHA-256 digest of those bytes (what the audit log keeps of it).
 *
 * @param format its format, recognised from the bytes
 * @param bytes the image without metadata
 * @param sha256 hex SHA-256 of {@code bytes}
 */
public record Photo(ImageFormat format, byte[] bytes, String sha256) {

	/** The photo as Spring AI media on a user message: the starter sends it as a data URL or Ollama image. */
	public Media media() {
		return Media.builder().mimeType(MimeType.valueOf(this.format.mimeType())).data(this.bytes).name("photo").build();
	}

	/** A {@code data:} URL of the photo, for pages that show it inline. */
	public String dataUrl() {
		return "data:" + this.format.mimeType() + ";base64," + Base64.getEncoder().encodeToString(this.bytes);
	}

}
