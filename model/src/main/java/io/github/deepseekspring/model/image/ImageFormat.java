package io.github.deepseekspring.model.image;

import java.util.Optional;

/**
 * The image formats DeepSeek's vision model reads, recognised as the API recognises them: from the bytes, not from
 * a file name or a declared MIME type.
 */
public enum ImageFormat {

	JPEG("image/jpeg"), PNG("image/png"), GIF("image/gif"), WEBP("image/webp");

	private final String mimeType;

	ImageFormat(String mimeType) {
		this.mimeType = mimeType;
	}

	/** The MIME type a data URL of this format declares. */
	public String mimeType() {
		return this.mimeType;
	}

	/** The format of an image's bytes, or empty when they are none of the four. */
	public static Optional<ImageFormat> of(byte[] bytes) {
		if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
			return Optional.of(JPEG);
		}
		if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of(PNG);
		}
		if (startsWith(bytes, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(bytes, 0, 'G', 'I', 'F', '8', '9', 'a')) {
			return Optional.of(GIF);
		}
		if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] bytes, int offset, int... expected) {
		if (bytes.length < offset + expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((bytes[offset + i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}

}
