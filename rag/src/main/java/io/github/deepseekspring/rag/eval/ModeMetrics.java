package io.github.deepseekspring.rag.eval;

import java.util.Map;

/**
 * Mean metrics of one retrieval mode over the answerable questions of a set, and its latency over all questions.
 *
 * @param mode             the retrieval mode measured
 * @param ndcgAt10         mean nDCG@10
 * @param recallAt5        mean Recall@5
 * @param mrr              mean reciprocal rank (over the first 10 documents)
 * @param hitAt1           share of questions whose first document is relevant
 * @param hitAt3           share of questions with a relevant document among the first three
 * @param latencyP50Millis median time of one search, in milliseconds
 * @param latencyP95Millis 95th percentile of the time of one search, in milliseconds
 * @param ndcgAt10ByKind   mean nDCG@10 per question kind, to show where a mode is weak
 */
public record ModeMetrics(EvalMode mode, double ndcgAt10, double recallAt5, double mrr, double hitAt1,
        double hitAt3, double latencyP50Millis, double latencyP95Millis, Map<String, Double> ndcgAt10ByKind) {

    public ModeMetrics {
        ndcgAt10ByKind = Map.copyOf(ndcgAt10ByKind);
    }
}
