package io.github.deepseekspring.local.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ThinkTagSplitterTests {

	private static final String SAMPLE = "<think>\n用户问首都。 Let me think: 2 < 3, </thin not a tag.\n</think>\n\nParis 是首都。";

	@Test
	void splitsAWholeAnswer() {
		ThinkTagSplitter.Split split = ThinkTagSplitter.splitWhole(SAMPLE);
		assertThat(split.thinking()).isEqualTo("用户问首都。 Let me think: 2 < 3, </thin not a tag.");
		assertThat(split.content()).isEqualTo("Paris 是首都。");
	}

	@Test
	void everyTwoPieceSplitGivesTheSameResult() {
		ThinkTagSplitter.Split whole = ThinkTagSplitter.splitWhole(SAMPLE);
		for (int at = 0; at <= SAMPLE.length(); at++) {
			assertThat(streamed(SAMPLE.substring(0, at), SAMPLE.substring(at))).as("split at %d", at).isEqualTo(whole);
		}
	}

	@Test
	void everyUtf8BytePositionSplitGivesTheSameResult() {
		// a byte split inside a multi-byte character is decoded across pieces, as the line reader does
		byte[] bytes = SAMPLE.getBytes(StandardCharsets.UTF_8);
		ThinkTagSplitter.Split whole = ThinkTagSplitter.splitWhole(SAMPLE);
		for (int at = 0; at <= bytes.length; at++) {
			var decoder = StandardCharsets.UTF_8.newDecoder();
			var out = java.nio.CharBuffer.allocate(bytes.length);
			decoder.decode(java.nio.ByteBuffer.wrap(bytes, 0, at), out, false);
			String first = out.flip().toString();
			String second = new String(bytes, 0, bytes.length, StandardCharsets.UTF_8).substring(first.length());
			assertThat(streamed(first, second)).as("byte split at %d", at).isEqualTo(whole);
		}
	}

	@Test
	void oneCharacterAtATimeGivesTheSameResult() {
		String[] pieces = SAMPLE.split("");
		assertThat(streamed(pieces)).isEqualTo(ThinkTagSplitter.splitWhole(SAMPLE));
	}

	@Test
	void answersWithoutReasoningPassThroughUntouched() {
		assertThat(ThinkTagSplitter.splitWhole("  just <think> an answer")).isEqualTo(new ThinkTagSplitter.Split("", "  just <think> an answer"));
		assertThat(streamed("<thi", "s is not a tag")).isEqualTo(new ThinkTagSplitter.Split("", "<this is not a tag"));
	}

	@Test
	void unterminatedReasoningCountsAsReasoning() {
		assertThat(streamed("<think>still ", "thinking  ")).isEqualTo(new ThinkTagSplitter.Split("still thinking", ""));
	}

	private static ThinkTagSplitter.Split streamed(String... pieces) {
		ThinkTagSplitter splitter = new ThinkTagSplitter();
		StringBuilder thinking = new StringBuilder();
		StringBuilder content = new StringBuilder();
		for (String piece : pieces) {
			ThinkTagSplitter.Split split = splitter.feed(piece);
			thinking.append(split.thinking());
			content.append(split.content());
		}
		ThinkTagSplitter.Split rest = splitter.finish();
		return new ThinkTagSplitter.Split(thinking.append(rest.thinking()).toString(),
				content.append(rest.content()).toString());
	}

}
