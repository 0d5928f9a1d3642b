package io.github.deepseekspring.model.local;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThinkTagSplitterTests {

	private static String[] run(List<String> chunks) {
		ThinkTagSplitter splitter = new ThinkTagSplitter();
		StringBuilder reasoning = new StringBuilder();
		StringBuilder content = new StringBuilder();
		for (String chunk : chunks) {
			ThinkTagSplitter.Split split = splitter.accept(chunk);
			reasoning.append(split.reasoning());
			content.append(split.content());
		}
		ThinkTagSplitter.Split tail = splitter.finish();
		return new String[] { reasoning.append(tail.reasoning()).toString(), content.append(tail.content()).toString() };
	}

	@Test
	void splitsWholeTags() {
		assertThat(ThinkTagSplitter.splitAll("<think>\nplan it\n</think>\n\nThe answer.")).isEqualTo(new ThinkTagSplitter.Split("plan it", "The answer."));
		assertThat(ThinkTagSplitter.splitAll("No reasoning here.")).isEqualTo(new ThinkTagSplitter.Split("", "No reasoning here."));
	}

	@Test
	void tagsCutAcrossChunksAreRecognised() {
		String text = "<think>weigh options</think>Answer: 42 <b>bold</b>";
		for (int cut1 = 1; cut1 < text.length(); cut1++) {
			for (int cut2 = cut1 + 1; cut2 < text.length(); cut2 += 3) {
				String[] parts = run(List.of(text.substring(0, cut1), text.substring(cut1, cut2), text.substring(cut2)));
				assertThat(parts[0]).as("cuts %d/%d", cut1, cut2).isEqualTo("weigh options");
				assertThat(parts[1]).as("cuts %d/%d", cut1, cut2).isEqualTo("Answer: 42 <b>bold</b>");
			}
		}
	}

	@Test
	void characterByCharacterStream() {
		String text = "<think>a<b</think>c<";
		String[] parts = run(text.chars().mapToObj(c -> String.valueOf((char) c)).toList());
		assertThat(parts[0]).isEqualTo("a<b");
		assertThat(parts[1]).isEqualTo("c<");
	}

}
