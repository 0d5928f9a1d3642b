package io.github.deepseekspring.rag.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CjkBigramSegmenterTests {

    @Test
    void chineseRunsBecomeOverlappingBigrams() {
        assertThat(CjkBigramSegmenter.terms("路由器保修")).containsExactly("路由", "由器", "器保", "保修");
    }

    @Test
    void aLoneIdeographStaysAUnigram() {
        assertThat(CjkBigramSegmenter.terms("买 1 台")).containsExactly("买", "1", "台");
    }

    @Test
    void latinWordsAndCodesAreLowerCasedAndSplitAtPunctuation() {
        assertThat(CjkBigramSegmenter.segment("YF-AX3000 的 Wi-Fi 6 速率")).isEqualTo("yf ax3000 的 wi fi 6 速率");
    }

    @Test
    void mixedScriptsSplitWhereTheScriptChanges() {
        assertThat(CjkBigramSegmenter.terms("固件v2.6.3版本")).containsExactly("固件", "v2", "6", "3", "版本");
    }

    @Test
    void fullWidthFormsAreFolded() {
        assertThat(CjkBigramSegmenter.terms("ＹＦ－ＡＸ３０００，保修")).containsExactly("yf", "ax3000", "保修");
    }

    @Test
    void nothingToSegmentGivesNoTerms() {
        assertThat(CjkBigramSegmenter.terms(null)).isEmpty();
        assertThat(CjkBigramSegmenter.segment("，。！？ ")).isEmpty();
    }
}
