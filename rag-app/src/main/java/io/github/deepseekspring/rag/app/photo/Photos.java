package io.github.deepseekspring.rag.app.photo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.github.deepseekspring.model.image.ImageFormat;

/**
 * Reads the photos of a chat request ({@code data:image/...;base64,...} URLs): checks count, size and content (the
 * bytes must be a JPEG, PNG, GIF or WebP image, whatever the URL declares), then strips their metadata. Nothing is
 * stored here: a request with one bad photo is refused whole.
 */
public class Photos {

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private final PhotoProperties properties;

	public Photos(PhotoProperties properties) {
		this.properties = properties;
	}

	/** The photos, checked and stripped; empty for none. */
	public List<Photo> read(List<String> dataUrls) {
		if (dataUrls == null || dataUrls.isEmpty()) {
			return List.of();
		}
		if (dataUrls.size() > this.properties.maxCount()) {
			throw PhotoRejectedException.tooMany(this.properties.maxCount());
		}
		List<Photo> photos = new ArrayList<>(dataUrls.size());
		for (int i = 0; i < dataUrls.size(); i++) {
			byte[] bytes = decode(i, dataUrls.get(i));
			if (bytes.length > this.properties.maxSize().toBytes()) {
				throw PhotoRejectedException.tooLarge(i, this.properties.maxSize().toBytes());
			}
			int index = i;
			ImageFormat format = ImageFormat.of(bytes).orElseThrow(() -> PhotoRejectedException.notAnImage(index));
			byte[] stripped;
			try {
				stripped = ImageMetadata.strip(format, bytes);
			}
			catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
				throw PhotoRejectedException.malformed("Photo " + (i + 1) + " is a damaged " + format + " image");
			}
			photos.add(new Photo(format, stripped, sha256(stripped)));
		}
		return List.copyOf(photos);
	}

	private byte[] decode(int index, String url) {
		if (url == null) {
			throw PhotoRejectedException.malformed("Photo " + (index + 1) + " is null; send a data:image/...;base64,... URL");
		}
		// Whole base64 of the largest photo, plus its header: anything longer is too large before it is decoded.
		if (url.length() > this.properties.maxSize().toBytes() * 4 / 3 + 100) {
			throw PhotoRejectedException.tooLarge(index, this.properties.maxSize().toBytes());
		}
		int comma = url.indexOf(',');
		String header = (comma > 0) ? url.substring(0, comma).toLowerCase(Locale.ROOT) : "";
		if (!header.startsWith("data:") || !header.endsWith(";base64")) {
			throw PhotoRejectedException.malformed("Photo " + (index + 1)
					+ " is not a base64 data URL (data:image/jpeg;base64,...)");
		}
		try {
			return Base64.getDecoder().decode(WHITESPACE.matcher(url.substring(comma + 1)).replaceAll(""));
		}
		catch (IllegalArgumentException ex) {
			throw PhotoRejectedException.malformed("Photo " + (index + 1) + " holds no valid base64 data");
		}
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
