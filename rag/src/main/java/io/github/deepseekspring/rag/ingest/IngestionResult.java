package io.github.deepseekspring.rag.ingest;

/**
 * What an ingestion did.
 *
 * @param documentId the document's id
 * @param title its title
 * @param status created, updated or unchanged (same content as stored)
 * @param chunks number of chunks stored for it
 */
public record IngestionResult(String documentId, String title, Status status, int chunks) {

	/** What happened to the stored document. */
	public enum Status {

		CREATED, UPDATED, UNCHANGED

	}

}
