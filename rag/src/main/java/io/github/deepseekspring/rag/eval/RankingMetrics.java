package io.github.deepseekspring.rag.eval;

import java.util.List;

/**
 * Ranking-quality metrics with binary relevance, computed over a ranked list of documents
 * (one entry per distinct document, best first).
 *
 * <p>Each method takes the relevance flags of the ranking and the number of relevant documents
 * that exist for the question, so a document the search never returned still lowers recall and
 * nDCG. All methods are pure and return a value in {@code [0, 1]}; a question without relevant
 * documents has no defined score and is rejected, callers leave such questions out.
 */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    /**
     * Normalised discounted cumulative gain at {@code k}: {@code DCG@k / IDCG@k} with
     * {@code DCG = sum(rel_i / log2(i + 1))} over 1-based ranks {@code i <= k}.
     */
    public static double ndcgAt(int k, List<Boolean> ranking, int relevantCount) {
        check(k, relevantCount);
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            if (ranking.get(i)) {
                dcg += discount(i + 1);
            }
        }
        double ideal = 0;
        for (int i = 1; i <= Math.min(k, relevantCount); i++) {
            ideal += discount(i);
        }
        return dcg / ideal;
    }

    /** Share of the relevant documents found among the first {@code k} results. */
    public static double recallAt(int k, List<Boolean> ranking, int relevantCount) {
        check(k, relevantCount);
        long found = ranking.stream().limit(k).filter(Boolean::booleanValue).count();
        return (double) Math.min(found, relevantCount) / relevantCount;
    }

    /** {@code 1 / rank} of the first relevant result, 0 when none was returned. */
    public static double reciprocalRank(List<Boolean> ranking, int relevantCount) {
        check(1, relevantCount);
        for (int i = 0; i < ranking.size(); i++) {
            if (ranking.get(i)) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    /** 1 when a relevant document is among the first {@code k} results, else 0 (hit@k, success@k). */
    public static double hitAt(int k, List<Boolean> ranking, int relevantCount) {
        check(k, relevantCount);
        return ranking.stream().limit(k).anyMatch(Boolean::booleanValue) ? 1 : 0;
    }

    private static double discount(int rank) {
        return 1.0 / (Math.log(rank + 1) / Math.log(2));
    }

    private static void check(int k, int relevantCount) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        if (relevantCount < 1) {
            throw new IllegalArgumentException("a question needs at least one relevant document to be scored");
        }
    }
}
