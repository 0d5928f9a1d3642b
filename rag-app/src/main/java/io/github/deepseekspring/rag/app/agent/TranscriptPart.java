package io.github.deepseekspring.rag.app.agent;

import java.util.List;

import io.github.deepseekspring.rag.app.chat.Citation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One part of a transcript entry; its {@link #type()} tells the inbox how to render it ({@code inbox.js} keeps a
 * renderer per type and shows an unknown type as a labelled placeholder, never as markup). Text and citations are
 * built in, and so are the customer's photos ({@link TranscriptPhotos}); other kinds of content come from
 * {@link TranscriptPartSource} beans, with a record implementing this interface and a renderer of the same type in
 * {@code window.InboxParts}.
 */
public interface TranscriptPart {

	/** The renderer to use, e.g. {@code text}, {@code citations}. */
	@JsonProperty("type")
	String type();

	/**
	 * Text, Markdown as the customer saw it.
	 *
	 * @param text the text
	 */
	record Text(String text) implements TranscriptPart {

		@Override
		public String type() {
			return "text";
		}

	}

	/**
	 * A photo the customer attached to a question.
	 *
	 * @param url where the inbox shows it from; null when its bytes are no longer kept
	 * @param format its format ({@code JPEG}, {@code PNG}, {@code GIF}, {@code WEBP})
	 */
	record Photo(String url, String format) implements TranscriptPart {

		@Override
		public String type() {
			return "photo";
		}

	}

	/**
	 * The passages an answer or an agent's reply cites.
	 *
	 * @param citations numbered as {@code [n]} in the text
	 */
	record Citations(List<Citation> citations) implements TranscriptPart {

		@Override
		public String type() {
			return "citations";
		}

	}

}
