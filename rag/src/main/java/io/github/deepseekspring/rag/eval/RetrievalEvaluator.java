package io.github.deepseekspring.rag.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Runs a labelled question set through a search in every {@link EvalMode} and reports mean
 * nDCG@10, Recall@5 and MRR. Unanswerable questions are counted but not scored: they are for
 * refusal tests, and a ranking has no quality when nothing is relevant.
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
        return new EvalReport(questions.size(), scored.size(), questions.size() - scored.size(), modes);
    }

    private ModeMetrics evaluate(List<EvalQuestion> scored, EvalMode mode) {
        List<Score> scores = scored.stream().map(question -> score(question, mode)).toList();
        Map<String, Double> byKind = scores.stream().collect(Collectors.groupingBy(score -> score.question().kind(),
                TreeMap::new, Collectors.averagingDouble(Score::ndcgAt10)));
        return new ModeMetrics(mode, mean(scores, Score::ndcgAt10), mean(scores, Score::recallAt5),
                mean(scores, Score::reciprocalRank), byKind);
    }

    private Score score(EvalQuestion question, EvalMode mode) {
        List<RetrievedDocument> hits = search.search(question.query(), mode, CHUNKS_PER_QUESTION);
        List<Boolean> ranking = RelevanceJudgement.judge(hits, question.relevant(), DEPTH);
        int relevantCount = question.relevant().size();
        return new Score(question, RankingMetrics.ndcgAt(DEPTH, ranking, relevantCount),
                RankingMetrics.recallAt(5, ranking, relevantCount),
                RankingMetrics.reciprocalRank(ranking, relevantCount));
    }

    private static double mean(List<Score> scores, ToDoubleFunction<Score> metric) {
        return scores.stream().mapToDouble(metric).average().orElse(0);
    }

    private record Score(EvalQuestion question, double ndcgAt10, double recallAt5, double reciprocalRank) {
    }
}
