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
}
