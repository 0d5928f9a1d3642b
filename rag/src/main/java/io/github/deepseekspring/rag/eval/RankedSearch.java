package io.github.deepseekspring.rag.eval;

import java.util.List;

/**
 * The search the evaluation measures: the documents behind the best {@code limit} chunks for a
 * query in one mode, best first. Repeats are allowed; the evaluation keeps each document's first
 * appearance.
 */
@FunctionalInterface
public interface RankedSearch {

    List<RetrievedDocument> search(String query, EvalMode mode, int limit);

    /**
     * Whether the served search judges that the knowledge base covers the query (answers it rather than saying
     * "not covered"); only asked when {@link #judgesCoverage()}.
     */
    default boolean covers(String query) {
        throw new UnsupportedOperationException("this search makes no coverage judgement");
    }

    /** Whether {@link #covers} is supported, so the evaluation reports refusal rates. */
    default boolean judgesCoverage() {
        return false;
    }
}
