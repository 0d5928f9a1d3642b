package io.github.deepseekspring.model.privacy;

/**
 * One piece of personal data in a text.
 * @param type what it is
 * @param start index of its first character
 * @param end index after its last character
 * @param value the characters themselves
 */
public record PiiMatch(PiiType type, int start, int end, String value) {

	boolean overlaps(PiiMatch other) {
		return this.start < other.end && other.start < this.end;
	}

	/** The value as shown to support staff and written to logs: see {@link PiiDetector#maskValue(String)}. */
	public String masked() {
		return this.type == PiiType.ADDRESS ? PiiDetector.maskAll(this.value) : PiiDetector.maskValue(this.value);
	}

}
