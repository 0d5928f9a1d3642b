package io.github.deepseekspring.model.image;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.ai.content.Media;
import org.springframework.core.io.Resource;

/**
 * One image of a user message as a backend takes it: a {@code data:} URL with the image's bytes, or an http(s) link
 * the server fetches itself. Built from Spring AI {@link Media}: bytes and resources become data URLs, links are
 * passed as they are; the DeepSeek API's documented limits are checked on the way (formats, 32 MiB an image, 8,192
 * characters a link), so an image that would be refused never leaves.
 *
 * @param url the data URL or link
 * @param format the format, for an image carried as data; {@code null} for a link
 */
public record ChatImage(String url, ImageFormat format) {

	/** The largest image the API takes, in bytes. */
	public static final int MAX_IMAGE_BYTES = 32 * 1024 * 1024;

	/** The longest link the API fetches, in characters. */
	public static final int MAX_LINK_LENGTH = 8192;

	private static final String FORMATS = "JPEG, PNG, GIF or WebP";

	private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	/** Whether the image travels as data (rather than as a link the server fetches). */
	public boolean inline() {
		return this.format != null;
	}

	/** The base64 payload of an image carried as data. */
	public String base64() {
		if (!inline()) {
			throw new IllegalStateException("a linked image has no data: " + this.url);
		}
		return this.url.substring(this.url.indexOf(',') + 1);
	}

	/** The image of one {@link Media}; an {@link ImageRejectedException} naming the limit when it cannot be sent. */
	public static ChatImage of(Media media) {
		String mimeType = media.getMimeType() == null ? "" : media.getMimeType().toString();
		if (!mimeType.toLowerCase(Locale.ROOT).startsWith("image/")) {
			throw new ImageRejectedException("Only images (" + FORMATS + ") can be sent to the model; got media of type "
					+ (mimeType.isEmpty() ? "(none)" : mimeType) + " (" + media.getName() + ")");
		}
		Object data = media.getData();
		if (data instanceof byte[] bytes) {
			return ofBytes(bytes, media.getName());
		}
		if (data instanceof Resource resource) {
			return ofBytes(read(resource), media.getName());
		}
		if (data instanceof URI uri) {
			return ofLink(uri.toString(), media.getName());
		}
		if (data instanceof URL url) {
			return ofLink(url.toString(), media.getName());
		}
		if (data instanceof String text) {
			return hasScheme(text) ? ofLink(text, media.getName()) : ofBytes(decode(text, media.getName()), media.getName());
		}
		throw new ImageRejectedException("Image " + media.getName() + " holds " + (data == null ? "no data"
				: data.getClass().getName()) + "; give its bytes, a Resource, or an http(s) or data URL");
	}

	private static ChatImage ofBytes(byte[] bytes, String name) {
		if (bytes.length > MAX_IMAGE_BYTES) {
			throw new ImageRejectedException("Image " + name + " is " + mebibytes(bytes.length)
					+ " MiB; the DeepSeek API takes images of at most 32 MiB");
		}
		ImageFormat format = ImageFormat.of(bytes)
			.orElseThrow(() -> new ImageRejectedException("Image " + name + " is not a " + FORMATS
					+ " image (recognised from its bytes, as the API does)"));
		return new ChatImage("data:" + format.mimeType() + ";base64," + Base64.getEncoder().encodeToString(bytes),
				format);
	}

	private static ChatImage ofLink(String link, String name) {
		if (link.startsWith("data:")) {
			int comma = link.indexOf(',');
			if (comma < 0 || !link.substring(0, comma).endsWith(";base64")) {
				throw new ImageRejectedException("Image " + name + " is a data URL without base64 data");
			}
			return ofBytes(decode(link.substring(comma + 1), name), name);
		}
		if (!isLink(link)) {
			throw new ImageRejectedException("Image " + name + " links to " + scheme(link) + ": the DeepSeek API "
					+ "fetches only http(s) links; give a local file as bytes or a Resource");
		}
		if (link.length() > MAX_LINK_LENGTH) {
			throw new ImageRejectedException("Image " + name + " links to a URL of " + link.length()
					+ " characters; the DeepSeek API fetches links of at most 8192 characters");
		}
		return new ChatImage(link, null);
	}

	/** Whether the media is an http(s) link (which the server, not this client, fetches). */
	static boolean isLink(Media media) {
		Object data = media.getData();
		String text = (data instanceof URI || data instanceof URL || data instanceof String) ? data.toString() : "";
		return isLink(text) && !text.startsWith("data:");
	}

	private static boolean isLink(String text) {
		String lower = text.regionMatches(true, 0, "http", 0, 4) ? text.toLowerCase(Locale.ROOT) : text;
		return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("data:");
	}

	/** Text that starts like a URI ({@code https:}, {@code data:}, {@code file:}) is a link, anything else base64. */
	private static boolean hasScheme(String text) {
		return SCHEME.matcher(text).lookingAt();
	}

	private static String scheme(String link) {
		int colon = link.indexOf(':');
		return colon > 0 ? link.substring(0, colon + 1) : "'" + link + "'";
	}

	private static byte[] decode(String base64, String name) {
		try {
			return Base64.getDecoder().decode(WHITESPACE.matcher(base64).replaceAll(""));
		}
		catch (IllegalArgumentException ex) {
			throw new ImageRejectedException("Image " + name + " is text that is neither a link nor base64 data", ex);
		}
	}

	private static byte[] read(Resource resource) {
		try {
			return resource.getContentAsByteArray();
		}
		catch (IOException ex) {
			throw new ImageRejectedException("Image " + resource.getDescription() + " cannot be read: " + ex.getMessage(),
					ex);
		}
	}

	private static String mebibytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
	}

}
