package io.github.deepseekspring.rag.app.chat;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CitationNumbersTests {

	@Test
	void renumbersInOrderOfFirstCitationAndDropsUnknownNumbers() {
		CitationNumbers numbers = new CitationNumbers(java.util.Set.of(1, 2, 3, 4));
		assertThat(numbers.rewrite("A [3]. B [1, 3]. C [9]. D [4]，[3]")).isEqualTo("A [1]. B [2][1]. C . D [3]，[1]");
		assertThat(numbers.cited()).containsExactly(3, 1, 4);
	}

	@Test
	void citationsSplitAcrossStreamPiecesAreHeldBackUntilComplete() {
		CitationNumbers numbers = new CitationNumbers(java.util.Set.of(1, 2, 3));
		StringBuilder shown = new StringBuilder();
		for (String piece : List.of("保修两年 [", "3", "]，发票 [2", "][", "1]。数组 a[0", "] 不变")) {
			shown.append(numbers.accept(piece));
		}
		shown.append(numbers.finish());
		assertThat(shown).hasToString("保修两年 [1]，发票 [2][3]。数组 a[0] 不变");
		assertThat(numbers.cited()).containsExactly(3, 2, 1);
	}

	@Test
	void textWithoutCitationsPassesThrough() {
		CitationNumbers numbers = new CitationNumbers(java.util.Set.of(1, 2));
		assertThat(numbers.accept("No citations here")).isEqualTo("No citations here");
		assertThat(numbers.finish()).isEmpty();
		assertThat(numbers.cited()).isEmpty();
	}

}
