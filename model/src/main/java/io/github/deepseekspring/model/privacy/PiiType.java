package io.github.deepseekspring.model.privacy;

/** Kinds of personal data the {@link PiiDetector} finds. */
public enum PiiType {

	/** E-mail address. */
	EMAIL,

	/** 18-digit mainland resident identity card number with a valid check digit and birth date. */
	RESIDENT_ID,

	/** Payment card number of 13 to 19 digits with a valid Luhn check digit and a known issuer prefix. */
	BANK_CARD,

	/** Mainland mobile number ({@code 1[3-9]} and nine digits), optionally with {@code +86} and separators. */
	MOBILE,

	/** Street and house number of a Chinese postal address (the province/city/district before it is kept). */
	ADDRESS

}
