package io.github.deepseekspring.rag.ingest;

import java.util.List;

/**
 * A document reduced to titled sections of plain text, whatever its format.
 *
 * @param title the document's title
 * @param sections its text, in order
 */
public record ParsedDocument(String title, List<Section> sections) {

	/**
	 * A run of text under one heading path.
	 *
	 * @param headingPath the headings above the text, outermost first; empty at the top
	 * @param text the text
	 * @param page the page it is on (PDF), or null
	 */
	public record Section(List<String> headingPath, String text, Integer page) {

	}

	/** @return whether the document holds any text at all */
	public boolean isBlank() {
		return this.sections.stream().allMatch((section) -> section.text().isBlank());
	}

}
