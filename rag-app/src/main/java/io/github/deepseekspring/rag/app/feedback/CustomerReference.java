package io.github.deepseekspring.rag.app.feedback;

import java.util.regex.Pattern;

/**
 * What the page embedding the chat widget says about its customer ({@code data-customer}, e.g. an order or account
 * number), kept with a hand-off ticket so that the agent knows whom to look up. It comes from the host page, so
 * anyone can write anything there: it is display data, never proof of identity, and only a short run of letters,
 * digits and a few separators is accepted, so that it cannot carry markup or pass for a sentence.
 */
public final class CustomerReference {

	/** The longest reference accepted. */
	public static final int MAX_LENGTH = 64;

	private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N} ._:#@/+-]{1," + MAX_LENGTH + "}");

	private CustomerReference() {
	}

	/** Whether the text is an acceptable reference. */
	public static boolean valid(String text) {
		return text != null && ALLOWED.matcher(text).matches() && !text.isBlank();
	}

}
