package io.github.deepseekspring.rag.retrieval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.ai.document.Document;

/**
 * One retrieved passage.
 *
 * @param documentId the document's id
 * @param chunkId the chunk's id
 * @param title the document's title
 * @param headingPath headings above the passage
 * @param text the passage
 * @param source file or URL it came from
 * @param page page number (PDF), or null
 * @param score fused score, normalised so 1 means ranked first by every search that ran
 * @param modes which searches found it ({@code bm25}, {@code vector})
 */
public record SearchHit(String documentId, String chunkId, String title, String headingPath, String text,
		String source, Integer page, double score, List<String> modes) {

	/** The passage as a Spring AI document: its text, {@link KnowledgeMetadata} and score; its id is the chunk's. */
	public Document toDocument() {
		Map<String, Object> metadata = new HashMap<>();
		metadata.put(KnowledgeMetadata.DOCUMENT_ID, this.documentId);
		putIfPresent(metadata, KnowledgeMetadata.TITLE, this.title);
		putIfPresent(metadata, KnowledgeMetadata.HEADING_PATH, this.headingPath);
		putIfPresent(metadata, KnowledgeMetadata.SOURCE, this.source);
		putIfPresent(metadata, KnowledgeMetadata.PAGE, this.page);
		metadata.put(KnowledgeMetadata.SEARCH_MODES, this.modes);
		return Document.builder().id(this.chunkId).text(this.text).metadata(metadata).score(this.score).build();
	}

	private static void putIfPresent(Map<String, Object> metadata, String key, Object value) {
		if (value != null) {
			metadata.put(key, value);
		}
	}

}
