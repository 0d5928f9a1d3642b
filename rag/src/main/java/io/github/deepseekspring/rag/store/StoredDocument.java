package io.github.deepseekspring.rag.store;

/**
 * A document in the knowledge base, as listed for administrators.
 *
 * @param documentId the document's id
 * @param title its title
 * @param source where it came from
 * @param documentHash hash of the stored version
 * @param chunks number of chunks
 */
public record StoredDocument(String documentId, String title, String source, String documentHash, int chunks) {

}
