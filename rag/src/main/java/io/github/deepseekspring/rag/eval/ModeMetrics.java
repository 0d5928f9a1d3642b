package io.github.deepseekspring.rag.eval;

import java.util.Map;

/**
 * Mean metrics of one retrieval mode over the answerable questions of a set.
 *
 * @param mode          the retrieval mode measured
 * @param ndcgAt10      mean nDCG@10
 * @param recallAt5     mean Recall@5
 * @param mrr           mean reciprocal rank (over the first 10 documents)
 * @param ndcgAt10ByKind mean nDCG@10 per question kind, to show where a mode is weak
 */
public record ModeMetrics(EvalMode mode, double ndcgAt10, double recallAt5, double mrr,
        Map<String, Double> ndcgAt10ByKind) {

    public ModeMetrics {
        ndcgAt10ByKind = Map.copyOf(ndcgAt10ByKind);
    }
}
