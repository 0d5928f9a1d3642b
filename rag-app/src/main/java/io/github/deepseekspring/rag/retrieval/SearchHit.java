package io.github.deepseekspring.rag.retrieval;

import java.util.List;

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

}
