package io.github.deepseekspring.rag.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RelevanceJudgementTests {

    private static final RetrievedDocument WARRANTY =
            new RetrievedDocument("doc-1", "云帆产品保修政策", "sample-kb/warranty-policy.md");
    private static final RetrievedDocument SHIPPING = new RetrievedDocument("doc-2", "配送与物流说明", "shipping.md");
    private static final RetrievedDocument FAQ = new RetrievedDocument("doc-3", "云帆常见问题 FAQ", null);

    @Test
    void labelsMayNameADocumentByIdTitleSourceOrFileName() {
        assertThat(WARRANTY.isNamedBy("doc-1")).isTrue();
        assertThat(WARRANTY.isNamedBy("云帆产品保修政策")).isTrue();
        assertThat(WARRANTY.isNamedBy("sample-kb/warranty-policy.md")).isTrue();
        assertThat(WARRANTY.isNamedBy("Warranty-Policy.md")).isTrue();
        assertThat(WARRANTY.isNamedBy("warranty-policy")).isTrue();
        assertThat(WARRANTY.isNamedBy("warranty")).isFalse();
        assertThat(FAQ.isNamedBy("")).isFalse();
    }

    @Test
    void eachDocumentCountsOnceAtItsBestRank() {
        List<RetrievedDocument> hits = List.of(SHIPPING, WARRANTY, WARRANTY, FAQ);
        assertThat(RelevanceJudgement.judge(hits, List.of("warranty-policy", "faq-missing"), 10))
                .containsExactly(false, true, false);
    }

    @Test
    void aLabelIsConsumedByTheFirstDocumentItNames() {
        RetrievedDocument otherCopy = new RetrievedDocument("doc-9", "云帆产品保修政策", "old/warranty.md");
        assertThat(RelevanceJudgement.judge(List.of(WARRANTY, otherCopy), List.of("云帆产品保修政策"), 10))
                .containsExactly(true, false);
    }

    @Test
    void theRankingStopsAtTheDepth() {
        assertThat(RelevanceJudgement.judge(List.of(SHIPPING, FAQ, WARRANTY), List.of("doc-1"), 2))
                .containsExactly(false, false);
    }
}
