package io.github.deepseekspring.rag.app.chat;

/**
 * A passage an answer cites.
 *
 * @param n its number, as {@code [n]} in the answer (1-based)
 * @param documentId the document's id
 * @param title the document's title
 * @param source file or URL the document came from
 * @param snippet the beginning of the passage
 */
public record Citation(int n, String documentId, String title, String source, String snippet) {

}
