package io.github.deepseekspring.model.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SseLineParserTests {

	@Test
	void keepAliveCommentsAndBlankLinesAreLivenessNotData() {
		SseLineParser parser = new SseLineParser();
		List<SseLineParser.SseEvent> events = new ArrayList<>();
		for (String line : List.of(": keep-alive", "", ": keep-alive", "", "data: {\"a\":1}", "", "data: [DONE]", "")) {
			events.addAll(parser.accept(line));
		}
		assertThat(events).hasSize(6);
		assertThat(events.subList(0, 4)).allMatch(SseLineParser.SseEvent::isKeepAlive);
		assertThat(events.get(4).data()).isEqualTo("{\"a\":1}");
		assertThat(events.get(5).isDone()).isTrue();
	}

	@Test
	void multiLineDataIsJoinedAndCarriageReturnsAreDropped() {
		SseLineParser parser = new SseLineParser();
		assertThat(parser.accept("data: one\r")).isEmpty();
		assertThat(parser.accept("data:two")).isEmpty();
		assertThat(parser.accept("event: ignored")).isEmpty();
		assertThat(parser.accept("\r")).containsExactly(new SseLineParser.SseEvent("one\ntwo"));
	}

	@Test
	void pendingEventIsFlushedAtEndOfStream() {
		SseLineParser parser = new SseLineParser();
		parser.accept("data: last");
		assertThat(parser.finish()).containsExactly(new SseLineParser.SseEvent("last"));
		assertThat(parser.finish()).isEmpty();
	}

	@Test
	void lineSplitterReassemblesMultiByteCharactersCutAcrossBuffers() {
		byte[] bytes = "data: 你好\n\ndata: x".getBytes(StandardCharsets.UTF_8);
		LineSplitter splitter = new LineSplitter();
		List<String> lines = new ArrayList<>();
		for (byte b : bytes) {
			lines.addAll(splitter.accept(List.of(ByteBuffer.wrap(new byte[] { b }))));
		}
		lines.addAll(splitter.finish());
		assertThat(lines).containsExactly("data: 你好", "", "data: x");
	}

	@Test
	void prefixCompletionGoesToTheBetaPath() {
		ChatMessage prefix = new ChatMessage("assistant", "```python\n", null, null, null, null, true);
		ChatCompletionRequest withPrefix = new ChatCompletionRequest("m", List.of(ChatMessage.user("code"), prefix), null,
				null, null, null, null, null, null, null, null, null, null, null, null, null, null);
		ChatCompletionRequest plain = new ChatCompletionRequest("m", List.of(ChatMessage.user("code")), null, null, null,
				null, null, null, null, null, null, null, null, null, null, null, null);
		assertThat(DeepSeekApi.chatPath(withPrefix)).isEqualTo("/beta/chat/completions");
		assertThat(DeepSeekApi.chatPath(plain)).isEqualTo("/chat/completions");
	}

}
