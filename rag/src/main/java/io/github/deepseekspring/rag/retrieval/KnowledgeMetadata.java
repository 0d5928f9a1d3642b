package io.github.deepseekspring.rag.retrieval;

/**
 * Keys of the metadata that every Spring AI {@code Document} retrieved from the knowledge base carries, for
 * citations: which document and where in it. The document's {@code id} is the chunk's id and its {@code score} the
 * fused retrieval score (1 = ranked first by every search that ran).
 */
public final class KnowledgeMetadata {

	/** The knowledge-base document the passage belongs to (a {@code String}). */
	public static final String DOCUMENT_ID = "document_id";

	/** The document's title (a {@code String}). */
	public static final String TITLE = "title";

	/** The headings above the passage, outermost first, joined by {@code " > "} (a {@code String}; absent at the top). */
	public static final String HEADING_PATH = "heading_path";

	/** Where the document came from: a file name or URL (a {@code String}; absent when unknown). */
	public static final String SOURCE = "source";

	/** The page the passage is on, for paged formats such as PDF (an {@code Integer}; absent otherwise). */
	public static final String PAGE = "page";

	/** Which searches found the passage: {@code bm25}, {@code vector} (a {@code List<String>}). */
	public static final String SEARCH_MODES = "search_modes";

	private KnowledgeMetadata() {
	}

}
