package io.github.deepseekspring.rag.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductCodesTests {

    @Test
    void findsProductAndErrorCodesInChineseText() {
        assertThat(ProductCodes.in("YF-AX3000 报错 E-1023，请参考E-1040。")).containsExactly("yf-ax3000", "e-1023", "e-1040");
    }

    @Test
    void longerCodesAlsoYieldTheirCodePrefixes() {
        assertThat(ProductCodes.in("三只装 YF-Mesh-M2-3P")).containsExactly("yf-mesh-m2", "yf-mesh-m2-3p");
        assertThat(ProductCodes.in("海外版 YF-AX3000-GL")).containsExactly("yf-ax3000", "yf-ax3000-gl");
    }

    @Test
    void wordsWithoutDigitsAreNotCodes() {
        assertThat(ProductCodes.in("Wi-Fi 6 and plug-in, 802.11ax, v2.6.3")).isEmpty();
        assertThat(ProductCodes.in(null)).isEmpty();
    }
}
