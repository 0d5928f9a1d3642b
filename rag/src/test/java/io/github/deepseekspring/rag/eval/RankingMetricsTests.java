package io.github.deepseekspring.rag.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class RankingMetricsTests {

    private static final List<Boolean> SECOND_AND_FOURTH = List.of(false, true, false, true);

    @Test
    void ndcgDividesDiscountedGainByTheIdealOrder() {
        // DCG = 1/log2(3) + 1/log2(5) = 1.061606; IDCG = 1 + 1/log2(3) = 1.630930
        assertThat(RankingMetrics.ndcgAt(10, SECOND_AND_FOURTH, 2)).isCloseTo(0.650921, within(1e-6));
    }

    @Test
    void ndcgIsOneForAPerfectRankingAndZeroWithoutHits() {
        assertThat(RankingMetrics.ndcgAt(10, List.of(true, true, false), 2)).isCloseTo(1.0, within(1e-12));
        assertThat(RankingMetrics.ndcgAt(10, List.of(false, false), 1)).isZero();
        assertThat(RankingMetrics.ndcgAt(10, List.of(), 1)).isZero();
    }

    @Test
    void ndcgCountsRelevantDocumentsTheSearchNeverReturned() {
        // one hit at rank 1 of three relevant: 1 / (1 + 1/log2(3) + 1/log2(4)) = 0.469279
        assertThat(RankingMetrics.ndcgAt(10, List.of(true), 3)).isCloseTo(0.469279, within(1e-6));
    }

    @Test
    void ndcgIgnoresHitsBelowTheCutOff() {
        // only rank 3 is relevant: 1/log2(4) = 0.5 with k = 3, nothing with k = 2
        List<Boolean> third = List.of(false, false, true);
        assertThat(RankingMetrics.ndcgAt(3, third, 1)).isCloseTo(0.5, within(1e-12));
        assertThat(RankingMetrics.ndcgAt(2, third, 1)).isZero();
    }

    @Test
    void recallIsTheShareOfRelevantDocumentsInTheFirstK() {
        assertThat(RankingMetrics.recallAt(5, SECOND_AND_FOURTH, 2)).isEqualTo(1.0);
        assertThat(RankingMetrics.recallAt(3, SECOND_AND_FOURTH, 2)).isEqualTo(0.5);
        assertThat(RankingMetrics.recallAt(5, List.of(true), 3)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(RankingMetrics.recallAt(5, List.of(false, false, false, false, false, true), 1)).isZero();
    }

    @Test
    void reciprocalRankUsesTheFirstRelevantResult() {
        assertThat(RankingMetrics.reciprocalRank(SECOND_AND_FOURTH, 2)).isEqualTo(0.5);
        assertThat(RankingMetrics.reciprocalRank(List.of(false, false, false, true), 1)).isEqualTo(0.25);
        assertThat(RankingMetrics.reciprocalRank(List.of(true), 1)).isEqualTo(1.0);
        assertThat(RankingMetrics.reciprocalRank(List.of(false), 1)).isZero();
    }

    @Test
    void questionsWithoutRelevantDocumentsCannotBeScored() {
        assertThatIllegalArgumentException().isThrownBy(() -> RankingMetrics.ndcgAt(10, List.of(true), 0))
                .withMessageContaining("relevant");
        assertThatIllegalArgumentException().isThrownBy(() -> RankingMetrics.recallAt(0, List.of(true), 1))
                .withMessageContaining("k must be");
    }
}
