package io.github.deepseekspring.rag.app.agent;

import io.github.deepseekspring.rag.app.chat.Citation;
import io.github.deepseekspring.rag.app.chat.InvalidMessageException;

/**
 * A knowledge-base passage an agent's reply cites, as the inbox's search found it.
 *
 * @param documentId the document's id
 * @param title the document's title
 * @param source file or URL it came from
 * @param snippet the passage (or its beginning)
 */
public record CitedPassage(String documentId, String title, String source, String snippet) {

	/** The citation numbered {@code n}, each field checked against what a passage can be. */
	Citation citation(int n) {
		return new Citation(n, required(this.documentId, "documentId", 200), optional(this.title, "title", 300),
				optional(this.source, "source", 1000), optional(this.snippet, "snippet", 2000));
	}

	private static String required(String value, String name, int max) {
		if (value == null || value.isBlank()) {
			throw new InvalidMessageException("citation " + name + " is missing");
		}
		return optional(value, name, max);
	}

	private static String optional(String value, String name, int max) {
		if (value != null && value.length() > max) {
			throw new InvalidMessageException("citation " + name + " is longer than " + max + " characters");
		}
		return value;
	}

}
