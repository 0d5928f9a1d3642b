package io.github.deepseekspring.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimulatedTokenizerTests {

    @Test
    void countsCjkCharactersAsOneTokenEach() {
        assertThat(SimulatedTokenizer.count("你好世界")).isEqualTo(4);
    }

    @Test
    void countsAsciiWordsPerStartedGroupOfFourAndPunctuationAsOne() {
        assertThat(SimulatedTokenizer.pieces("hello, big world!")).containsExactly("hell", "o", ",", " big", " worl", "d", "!");
    }

    @Test
    void piecesConcatenateBackToTheInputIncludingTrailingWhitespace() {
        String text = "  路由器 R100 supports Wi-Fi 7.\n";
        assertThat(String.join("", SimulatedTokenizer.pieces(text))).isEqualTo(text);
    }

    @Test
    void emptyAndNullHaveNoTokens() {
        assertThat(SimulatedTokenizer.count("")).isZero();
        assertThat(SimulatedTokenizer.count(null)).isZero();
    }
}
