package io.github.deepseekspring.rag.app.cache;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The half of the cache's guard that tells a wording with words swapped inside it from a rewording. */
class SwappedWordsTests {

	@Test
	void wordsSwappedInsideTheSameWordingAreFound() {
		assertThat(SwappedWords.between("路由器指示灯红色常亮是什么意思", "路由器指示灯绿色常亮是什么意思")).isTrue();
		assertThat(SwappedWords.between("Does the doorbell chime work with the battery?",
				"Does the indoor chime work with the battery?")).isTrue();
		assertThat(SwappedWords.between("插座开着时能定时吗", "插座关着时能定时吗")).isTrue();
	}

	@Test
	void addedMovedAndEdgeWordsAreNoSwap() {
		assertThat(SwappedWords.between("请问路由器怎么恢复出厂设置？谢谢", "路由器怎么恢复出厂设置")).isFalse();
		assertThat(SwappedWords.between("If I move, will my number stay the same?",
				"Will my number stay the same if I move?")).isFalse();
		assertThat(SwappedWords.between("路由器怎么恢复出厂设置", "路由器恢复出厂设置的方法")).isFalse();
		assertThat(SwappedWords.between("完全不同", "毫无关系")).isFalse();
	}

	@Test
	void questionsTooLongToCompareCountAsSwapped() {
		assertThat(SwappedWords.between("长".repeat(300), "长".repeat(300))).isTrue();
	}

}
