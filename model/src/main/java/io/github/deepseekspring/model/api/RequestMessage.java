package io.github.deepseekspring.model.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One message of a chat completion request. Its content is text, or, for a user message with images, a list of parts
 * ({@code text} and {@code image_url}), as the API takes them.
 *
 * @param role system, user, assistant or tool
 * @param content the content; {@code null} for an assistant turn that only calls tools
 * @param reasoningContent for assistant turns: the reasoning passed back in thinking mode
 * @param name optional participant name
 * @param toolCallId for {@code tool} messages: the call being answered
 * @param toolCalls for assistant messages: the tools the model asked to call
 * @param prefix for the last assistant message: continue from this prefix (beta prefix completion)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestMessage(String role, Content content,
		@JsonProperty("reasoning_content") String reasoningContent, String name,
		@JsonProperty("tool_call_id") String toolCallId, @JsonProperty("tool_calls") List<ToolCall> toolCalls,
		Boolean prefix) {

	public static RequestMessage system(String text) {
		return new RequestMessage("system", Content.text(text), null, null, null, null, null);
	}

	public static RequestMessage user(String text) {
		return new RequestMessage("user", Content.text(text), null, null, null, null, null);
	}

	/** A user message of text and images, in that order. */
	public static RequestMessage user(String text, List<String> imageUrls) {
		if (imageUrls.isEmpty()) {
			return user(text);
		}
		List<ContentPart> parts = new java.util.ArrayList<>(imageUrls.size() + 1);
		if (text != null && !text.isEmpty()) {
			parts.add(ContentPart.text(text));
		}
		imageUrls.forEach(url -> parts.add(ContentPart.image(url)));
		return new RequestMessage("user", new Content.Parts(parts), null, null, null, null, null);
	}

	public static RequestMessage tool(String toolCallId, String text) {
		return new RequestMessage("tool", Content.text(text), null, null, toolCallId, null, null);
	}

	/** This message with {@code text} added to the end of its content. */
	public RequestMessage withTextAppended(String text) {
		Content appended;
		if (this.content instanceof Content.Parts parts) {
			List<ContentPart> all = new java.util.ArrayList<>(parts.parts());
			all.add(ContentPart.text(text));
			appended = new Content.Parts(all);
		}
		else {
			appended = Content.text((this.content != null ? this.content.text() : "") + text);
		}
		return new RequestMessage(this.role, appended, this.reasoningContent, this.name, this.toolCallId,
				this.toolCalls, this.prefix);
	}

	/** The text of the content: the text itself, or its text parts joined; {@code null} without content. */
	public String text() {
		return (this.content != null) ? this.content.text() : null;
	}

	/** Text, or parts; written as the API takes it, a string or an array. */
	public sealed interface Content {

		static Content text(String text) {
			return (text != null) ? new Text(text) : null;
		}

		/** The text of this content. */
		String text();

		/** Plain text. */
		record Text(String text) implements Content {

			@JsonValue
			String json() {
				return this.text;
			}

		}

		/** Text and image parts. */
		record Parts(List<ContentPart> parts) implements Content {

			@JsonValue
			List<ContentPart> json() {
				return this.parts;
			}

			@Override
			public String text() {
				StringBuilder text = new StringBuilder();
				this.parts.stream().filter(part -> part.text() != null).forEach(part -> text.append(part.text()));
				return text.toString();
			}

		}

	}

	/**
	 * One part of a content list.
	 *
	 * @param type {@code text} or {@code image_url}
	 * @param text the text of a text part
	 * @param imageUrl the image of an image part
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ContentPart(String type, String text, @JsonProperty("image_url") ImageUrl imageUrl) {

		public static ContentPart text(String text) {
			return new ContentPart("text", text, null);
		}

		public static ContentPart image(String url) {
			return new ContentPart("image_url", null, new ImageUrl(url, null));
		}

	}

	/**
	 * An image: a {@code data:} URL or an http(s) link.
	 *
	 * @param url the data URL or link
	 * @param detail {@code low}, {@code high} or {@code auto}, or {@code null} for the server's default
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ImageUrl(String url, String detail) {
	}

}
