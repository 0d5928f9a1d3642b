package io.github.deepseekspring.rag.app.feedback;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A customer's rating of an answer. */
public enum Rating {

	/** Helpful. */
	UP,
	/** Not helpful. */
	DOWN;

	@JsonValue
	public String wireName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	/** @throws IllegalArgumentException for anything but {@code up} and {@code down} */
	@JsonCreator
	public static Rating fromWireName(String name) {
		for (Rating rating : values()) {
			if (rating.wireName().equals(name)) {
				return rating;
			}
		}
		throw new IllegalArgumentException("rating must be up or down");
	}

}
