package io.github.deepseekspring.rag.eval;

import java.util.List;

/**
 * One labelled question: the query, the documents (ids, titles or source file names) that
 * answer it, and what kind of question it is ({@code direct}, {@code paraphrase}, {@code typo},
 * {@code code}, {@code english}, {@code unanswerable}).
 *
 * @param query    the user's question, never blank
 * @param relevant labels of the relevant documents, empty when the knowledge base has no answer
 * @param kind     the question's category, {@code "unlabelled"} when the input named none
 */
public record EvalQuestion(String query, List<String> relevant, String kind) {

    public EvalQuestion {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("query must not be blank");
        }
        relevant = relevant == null ? List.of() : List.copyOf(relevant);
        kind = kind == null || kind.isBlank() ? "unlabelled" : kind;
    }

    /** Whether the question can be scored: only answerable questions enter ranking metrics. */
    public boolean answerable() {
        return !relevant.isEmpty();
    }
}
