package io.github.deepseekspring.rag.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Runs a labelled question set through a search in every {@link EvalMode} and reports mean nDCG@10, Recall@5, MRR,
 * hit@1 and hit@3 over the answerable questions, the latency of each search, and, when the search judges coverage,
 * how often that judgement refuses an answerable question or lets an unanswerable one through.
 */
public final class RetrievalEvaluator {

    /** Documents considered per question; the deepest metric is nDCG@10. */
    static final int DEPTH = 10;

    /** Chunks asked for per question so that {@link #DEPTH} distinct documents usually remain. */
    private static final int CHUNKS_PER_QUESTION = 40;

    private final RankedSearch search;

    public RetrievalEvaluator(RankedSearch search) {
        this.search = search;
    }

    /** Evaluates the questions in every mode. */
    public EvalReport evaluate(List<EvalQuestion> questions) {
        List<EvalQuestion> scored = questions.stream().filter(EvalQuestion::answerable).toList();
        if (scored.isEmpty()) {
            throw new InvalidQuestionSetException("no question names a relevant document, nothing to score");
        }
        List<ModeMetrics> modes = new ArrayList<>();
        for (EvalMode mode : EvalMode.values()) {
            modes.add(evaluate(scored, mode));
        }
        return new EvalReport(questions.size(), scored.size(), questions.size() - scored.size(), modes,
                search.judgesCoverage() ? refusals(questions) : null);
    }

    private ModeMetrics evaluate(List<EvalQuestion> scored, EvalMode mode) {
        List<Score> scores = scored.stream().map(question -> score(question, mode)).toList();
        Map<String, Double> byKind = scores.stream().collect(Collectors.groupingBy(score -> score.question().kind(),
                TreeMap::new, Collectors.averagingDouble(Score::ndcgAt10)));
        double[] millis = scores.stream().mapToDouble(Score::millis).sorted().toArray();
        return new ModeMetrics(mode, mean(scores, Score::ndcgAt10), mean(scores, Score::recallAt5),
                mean(scores, Score::reciprocalRank), mean(scores, Score::hitAt1), mean(scores, Score::hitAt3),
                percentile(millis, 0.50), percentile(millis, 0.95), byKind);
    }

    private Score score(EvalQuestion question, EvalMode mode) {
        long start = System.nanoTime();
        List<RetrievedDocument> hits = search.search(question.query(), mode, CHUNKS_PER_QUESTION);
        double millis = (System.nanoTime() - start) / 1e6;
        List<Boolean> ranking = RelevanceJudgement.judge(hits, question.relevant(), DEPTH);
        int relevantCount = question.relevant().size();
        return new Score(question, RankingMetrics.ndcgAt(DEPTH, ranking, relevantCount),
                RankingMetrics.recallAt(5, ranking, relevantCount),
                RankingMetrics.reciprocalRank(ranking, relevantCount),
                RankingMetrics.hitAt(1, ranking, relevantCount), RankingMetrics.hitAt(3, ranking, relevantCount),
                millis);
    }

    private Refusals refusals(List<EvalQuestion> questions) {
        int answerable = 0;
        int refused = 0;
        int unanswerable = 0;
        int answered = 0;
        for (EvalQuestion question : questions) {
            boolean covered = search.covers(question.query());
            if (question.answerable()) {
                answerable++;
                refused += covered ? 0 : 1;
            }
            else {
                unanswerable++;
                answered += covered ? 1 : 0;
            }
        }
        return new Refusals(answerable, share(refused, answerable), unanswerable, share(answered, unanswerable));
    }

    private static double share(int count, int total) {
        return (total == 0) ? 0 : (double) count / total;
    }

    private static double mean(List<Score> scores, ToDoubleFunction<Score> metric) {
        return scores.stream().mapToDouble(metric).average().orElse(0);
    }

    /** The nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1];
    }

    private record Score(EvalQuestion question, double ndcgAt10, double recallAt5, double reciprocalRank,
            double hitAt1, double hitAt3, double millis) {
    }
}
