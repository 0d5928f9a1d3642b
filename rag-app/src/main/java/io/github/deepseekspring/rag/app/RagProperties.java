package io.github.deepseekspring.rag.app;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the reference application itself; the knowledge base's own ({@code deepseek.rag.store},
 * {@code data-dir}, {@code chunk}, {@code retrieval}, {@code embedding}, ...) belong to the RAG starter.
 *
 * @param sampleData whether to load the sample knowledge base on first start when the store is empty
 * @param ingest limits of the knowledge-base upload endpoints
 */
@ConfigurationProperties("deepseek.rag")
public record RagProperties(Boolean sampleData, Ingest ingest) {

	public RagProperties {
		sampleData = (sampleData != null) ? sampleData : Boolean.TRUE;
		ingest = (ingest != null) ? ingest : new Ingest(0);
	}

	/**
	 * Limits of the knowledge-base upload endpoints.
	 *
	 * @param maxTextLength longest text accepted by the JSON upload, in characters
	 */
	public record Ingest(int maxTextLength) {

		public Ingest {
			maxTextLength = (maxTextLength > 0) ? maxTextLength : 2_000_000;
		}

	}

}
