package io.github.deepseekspring.rag.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RetrievalEvaluatorTests {

    private static final RetrievedDocument A = new RetrievedDocument("a", "Doc A", "a.md");
    private static final RetrievedDocument B = new RetrievedDocument("b", "Doc B", "b.md");
    private static final RetrievedDocument C = new RetrievedDocument("c", "Doc C", "c.md");

    /** Fixed rankings per mode: keyword search finds A first, vectors find it second, hybrid gets both right. */
    private static final Map<EvalMode, List<RetrievedDocument>> RANKINGS = Map.of(
            EvalMode.BM25, List.of(A, C, C, B),
            EvalMode.VECTOR, List.of(C, A),
            EvalMode.HYBRID, List.of(A, B, C));

    private final RetrievalEvaluator evaluator = new RetrievalEvaluator((query, mode, limit) -> RANKINGS.get(mode));

    @Test
    void averagesEachMetricOverTheAnswerableQuestionsPerMode() {
        List<EvalQuestion> questions = List.of(
                new EvalQuestion("q1", List.of("a"), "direct"),
                new EvalQuestion("q2", List.of("Doc B"), "typo"),
                new EvalQuestion("q3", List.of(), "unanswerable"));

        EvalReport report = evaluator.evaluate(questions);

        assertThat(report.questions()).isEqualTo(3);
        assertThat(report.scored()).isEqualTo(2);
        assertThat(report.unanswerable()).isEqualTo(1);
        ModeMetrics bm25 = report.mode(EvalMode.BM25);
        // q1: A at rank 1 -> 1; q2: B at document rank 3 (the repeated C counts once) -> 1/log2(4) = 0.5
        assertThat(bm25.ndcgAt10()).isCloseTo(0.75, within(1e-9));
        assertThat(bm25.mrr()).isCloseTo((1 + 1.0 / 3) / 2, within(1e-9));
        assertThat(bm25.recallAt5()).isEqualTo(1.0);
        assertThat(bm25.ndcgAt10ByKind()).containsEntry("direct", 1.0).containsEntry("typo", 0.5);
        ModeMetrics vector = report.mode(EvalMode.VECTOR);
        assertThat(vector.recallAt5()).isEqualTo(0.5);
        assertThat(vector.mrr()).isCloseTo(0.25, within(1e-9));
        // hybrid: q1 A at rank 1 -> 1; q2 B at rank 2 -> 1/log2(3)
        assertThat(report.mode(EvalMode.HYBRID).ndcgAt10()).isCloseTo((1 + 1 / (Math.log(3) / Math.log(2))) / 2, within(1e-9));
        // hit@1: q1 yes, q2 no; hit@3: both
        assertThat(report.mode(EvalMode.HYBRID).hitAt1()).isEqualTo(0.5);
        assertThat(report.mode(EvalMode.HYBRID).hitAt3()).isEqualTo(1.0);
        assertThat(report.mode(EvalMode.VECTOR).hitAt1()).isZero();
        assertThat(report.mode(EvalMode.HYBRID).latencyP95Millis()).isGreaterThanOrEqualTo(0);
        assertThat(report.refusals()).as("a search without a coverage judgement reports no refusals").isNull();
    }

    @Test
    void refusalRatesCompareTheCoverageJudgementWithTheLabels() {
        RankedSearch judging = new RankedSearch() {
            @Override
            public List<RetrievedDocument> search(String query, EvalMode mode, int limit) {
                return RANKINGS.get(mode);
            }

            @Override
            public boolean covers(String query) {
                return !query.startsWith("refused");
            }

            @Override
            public boolean judgesCoverage() {
                return true;
            }
        };
        EvalReport report = new RetrievalEvaluator(judging).evaluate(List.of(
                new EvalQuestion("q1", List.of("a"), "direct"),
                new EvalQuestion("refused q2", List.of("b"), "direct"),
                new EvalQuestion("refused q3", List.of(), "unanswerable"),
                new EvalQuestion("q4", List.of(), "unanswerable"),
                new EvalQuestion("q5", List.of(), "unanswerable"),
                new EvalQuestion("refused q6", List.of(), "unanswerable")));

        assertThat(report.refusals()).isEqualTo(new Refusals(2, 0.5, 4, 0.5));
    }

    @Test
    void percentilesAreNearestRank() {
        assertThat(RetrievalEvaluator.percentile(new double[] { 1, 2, 3, 4 }, 0.5)).isEqualTo(2);
        assertThat(RetrievalEvaluator.percentile(new double[] { 1, 2, 3, 4 }, 0.95)).isEqualTo(4);
        assertThat(RetrievalEvaluator.percentile(new double[0], 0.95)).isZero();
    }

    @Test
    void refusesASetWithNothingToScore() {
        assertThatExceptionOfType(InvalidQuestionSetException.class)
                .isThrownBy(() -> evaluator.evaluate(List.of(new EvalQuestion("q", List.of(), "unanswerable"))));
    }
}
