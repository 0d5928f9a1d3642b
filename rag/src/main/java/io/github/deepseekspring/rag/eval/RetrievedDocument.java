package io.github.deepseekspring.rag.eval;

import java.util.Locale;

/**
 * The document behind one search hit, with every name a question set may use for it.
 *
 * @param documentId the store's document id
 * @param title      the document's title
 * @param source     where the document came from (file name or path), may be {@code null}
 */
public record RetrievedDocument(String documentId, String title, String source) {

    /**
     * Whether a relevance label names this document: its id, its title, its source, or the
     * source's file name with or without extension (case-insensitive).
     */
    public boolean isNamedBy(String label) {
        String wanted = normalise(label);
        if (wanted.isEmpty()) {
            return false;
        }
        if (wanted.equals(normalise(documentId)) || wanted.equals(normalise(title)) || wanted.equals(normalise(source))) {
            return true;
        }
        String fileName = fileName(normalise(source));
        return wanted.equals(fileName) || wanted.equals(withoutExtension(fileName));
    }

    /** A key that tells distinct documents apart in a ranking. */
    String identity() {
        return documentId != null ? documentId : normalise(source) + "|" + normalise(title);
    }

    private static String normalise(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }

    private static String fileName(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    private static String withoutExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
