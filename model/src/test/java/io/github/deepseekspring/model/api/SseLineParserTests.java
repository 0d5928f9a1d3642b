package io.github.deepseekspring.model.api;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Lines, server-sent events and the stream decoder that joins them, fed bytes the way the network cuts them. */
class SseLineParserTests {

	private final List<String> events = new ArrayList<>();

	private final SseLineParser parser = new SseLineParser(new SseLineParser.Events() {

		@Override
		public void keepAlive() {
			SseLineParserTests.this.events.add("keep-alive");
		}

		@Override
		public void data(byte[] data, int length) {
			SseLineParserTests.this.events.add(new String(data, 0, length, StandardCharsets.UTF_8));
		}

	});

	@Test
	void keepAliveCommentsAndBlankLinesAreLivenessNotData() {
		lines(": keep-alive", "", ": keep-alive", "", "data: {\"a\":1}", "", "data: [DONE]", "");
		assertThat(this.events).containsExactly("keep-alive", "keep-alive", "keep-alive", "keep-alive", "{\"a\":1}",
				"[DONE]");
	}

	@Test
	void multiLineDataIsJoinedAndCarriageReturnsAreDropped() {
		lines("data: one\r", "data:two", "event: ignored", "id: 7");
		assertThat(this.events).isEmpty();
		lines("\r");
		assertThat(this.events).containsExactly("one\ntwo");
	}

	@Test
	void pendingEventIsFlushedAtEndOfStream() {
		lines("data: last");
		this.parser.finish();
		this.parser.finish();
		assertThat(this.events).containsExactly("last");
	}

	@Test
	void lineSplitterReassemblesMultiByteCharactersCutAcrossBuffers() {
		byte[] bytes = "data: 你好\n\ndata: x".getBytes(StandardCharsets.UTF_8);
		LineSplitter splitter = new LineSplitter();
		List<String> lines = new ArrayList<>();
		for (byte b : bytes) {
			splitter.accept(List.of(ByteBuffer.wrap(new byte[] { b })), collect(lines));
		}
		splitter.finish(collect(lines));
		assertThat(lines).containsExactly("data: 你好", "", "data: x");
	}

	@Test
	void lineSplitterKeepsLongLinesCutAcrossHeapAndDirectBuffers() {
		String longLine = "data: " + "长".repeat(400);
		byte[] bytes = (longLine + "\n\ndata: a\ndata: b\n").getBytes(StandardCharsets.UTF_8);
		LineSplitter splitter = new LineSplitter();
		List<String> lines = new ArrayList<>();
		int cut1 = 301;
		int cut2 = bytes.length - 9;
		ByteBuffer direct = ByteBuffer.allocateDirect(cut2 - cut1).put(bytes, cut1, cut2 - cut1).flip();
		ByteBuffer slice = ByteBuffer.wrap(bytes, cut2 - 3, bytes.length - cut2 + 3).slice().position(3);
		splitter.accept(List.of(ByteBuffer.wrap(bytes, 0, cut1)), collect(lines));
		splitter.accept(List.of(direct, slice), collect(lines));
		splitter.finish(collect(lines));
		assertThat(lines).containsExactly(longLine, "", "data: a", "data: b");
	}

	@Test
	void decoderYieldsChunksAndKeepAlivesAndNothingAfterDone() {
		StreamDecoder decoder = new StreamDecoder(new ChunkParser(tools.jackson.databind.json.JsonMapper.builder().build()));
		String stream = ": keep-alive\n\ndata: {\"id\":\"a\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\n"
				+ "data: [DONE]\n\ndata: {\"id\":\"after\"}\n\n";
		byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
		List<StreamEvent> decoded = new ArrayList<>();
		for (int i = 0; i < bytes.length; i += 7) {
			decoded.addAll(decoder.accept(List.of(ByteBuffer.wrap(bytes, i, Math.min(7, bytes.length - i)))));
		}
		decoded.addAll(decoder.finish());
		assertThat(decoder.done()).isTrue();
		assertThat(decoded.stream().filter(decoder::deliverable).toList()).satisfiesExactly(
				comment -> assertThat(comment).isSameAs(StreamEvent.KeepAlive.INSTANCE),
				blankLine -> assertThat(blankLine).isSameAs(StreamEvent.KeepAlive.INSTANCE),
				chunk -> assertThat(((StreamEvent.Chunk) chunk).chunk().id()).isEqualTo("a"));
	}

	private void lines(String... lines) {
		for (String line : lines) {
			byte[] bytes = ("xx" + line).getBytes(StandardCharsets.UTF_8);
			this.parser.line(bytes, 2, bytes.length - 2);
		}
	}

	private static LineSplitter.Lines collect(List<String> lines) {
		return (bytes, offset, length) -> lines.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
	}

	@Test
	void prefixCompletionGoesToTheBetaPath() {
		RequestMessage prefix = new RequestMessage("assistant", RequestMessage.Content.text("```python\n"), null, null, null, null, true);
		ChatCompletionRequest withPrefix = new ChatCompletionRequest("m", List.of(RequestMessage.user("code"), prefix), null,
				null, null, null, null, null, null, null, null, null, null, null, null, null, null);
		ChatCompletionRequest plain = new ChatCompletionRequest("m", List.of(RequestMessage.user("code")), null, null, null,
				null, null, null, null, null, null, null, null, null, null, null, null);
		assertThat(DeepSeekApi.chatPath(withPrefix)).isEqualTo("/beta/chat/completions");
		assertThat(DeepSeekApi.chatPath(plain)).isEqualTo("/chat/completions");
	}

}
