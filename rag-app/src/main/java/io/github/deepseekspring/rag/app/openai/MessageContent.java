package io.github.deepseekspring.rag.app.openai;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

import org.springframework.ai.content.Media;
import org.springframework.util.MimeType;

/**
 * The content of an OpenAI message: a string, or a list of {@code text} and (on user messages) {@code image_url}
 * parts. Images become Spring AI {@link Media}, data URLs as their bytes and links as they are, so the model's own
 * checks (formats, sizes) and routing (which backend sees images) apply to them as to any caller's.
 *
 * @param text the text, parts joined
 * @param images the images of a user message
 */
record MessageContent(String text, List<Media> images) {

	/** A link carries no type the server can know before fetching it; the model reads the bytes. */
	private static final MimeType ANY_IMAGE = MimeType.valueOf("image/*");

	/** Reads a message's content; {@link OpenAiException} (400) naming the part when it is not valid. */
	static MessageContent read(JsonNode content, String param, boolean user) {
		if (content.isMissingNode() || content.isNull()) {
			return new MessageContent("", List.of());
		}
		if (content.isString()) {
			return new MessageContent(content.asString(), List.of());
		}
		if (!content.isArray()) {
			throw OpenAiException.invalid(param + ".content", "'content' must be a string or an array of parts.");
		}
		StringBuilder text = new StringBuilder();
		List<Media> images = new ArrayList<>();
		for (int i = 0; i < content.size(); i++) {
			JsonNode part = content.get(i);
			String where = param + ".content[" + i + "]";
			String type = part.path("type").isString() ? part.path("type").asString() : null;
			if ("text".equals(type)) {
				text.append(part.path("text").isString() ? part.path("text").asString() : "");
			}
			else if ("image_url".equals(type) && user) {
				images.add(image(part.path("image_url"), where));
			}
			else {
				throw OpenAiException.invalid(where, "image_url".equals(type)
						? "Images are supported in user messages only."
						: "Only text and image_url content parts are supported; got '" + type + "'.");
			}
		}
		return new MessageContent(text.toString(), List.copyOf(images));
	}

	/** {@code {"url": …, "detail": …}}, or the URL alone as some clients send it. */
	private static Media image(JsonNode image, String where) {
		JsonNode url = image.isString() ? image : image.path("url");
		if (!url.isString() || url.asString().isBlank()) {
			throw OpenAiException.invalid(where + ".image_url", "An image_url part needs a url.");
		}
		String link = url.asString();
		if (link.regionMatches(true, 0, "data:", 0, 5)) {
			return dataUrl(link, where);
		}
		String lower = link.toLowerCase(Locale.ROOT);
		if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
			throw OpenAiException.invalid(where + ".image_url", "An image url must be a base64 data URL or an "
					+ "http(s) URL.");
		}
		try {
			return Media.builder().mimeType(ANY_IMAGE).data(URI.create(link)).build();
		}
		catch (IllegalArgumentException ex) {
			throw OpenAiException.invalid(where + ".image_url", "The image url is not a valid URL.");
		}
	}

	private static Media dataUrl(String url, String where) {
		int comma = url.indexOf(',');
		String head = comma < 0 ? "" : url.substring(5, comma);
		if (!head.toLowerCase(Locale.ROOT).endsWith(";base64")) {
			throw OpenAiException.invalid(where + ".image_url", "A data URL image must be base64: data:<type>;base64,<data>.");
		}
		try {
			MimeType type = MimeType.valueOf(head.substring(0, head.length() - ";base64".length()));
			return Media.builder().mimeType(type).data(Base64.getDecoder().decode(url.substring(comma + 1))).build();
		}
		catch (IllegalArgumentException ex) {
			throw OpenAiException.invalid(where + ".image_url", "The data URL holds no valid base64 image.");
		}
	}

}
