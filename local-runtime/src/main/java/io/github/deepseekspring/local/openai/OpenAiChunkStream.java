package io.github.deepseekspring.local.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.deepseekspring.local.ServerErrorException;
import io.github.deepseekspring.local.chat.LocalChatChunk;
import io.github.deepseekspring.local.chat.ThinkTagSplitter;
import io.github.deepseekspring.local.chat.ToolCall;
import io.github.deepseekspring.local.openai.OpenAiWire.Call;
import io.github.deepseekspring.local.openai.OpenAiWire.Choice;
import io.github.deepseekspring.local.openai.OpenAiWire.Completion;
import io.github.deepseekspring.local.pool.ChunkStream;
import io.github.deepseekspring.local.transport.LineStream;
import io.github.deepseekspring.local.transport.WireJson;
import tools.jackson.databind.ObjectReader;

/**
 * An SSE chat stream ({@code data: {…}} lines, ended by {@code data: [DONE]}). Tool call fragments are put together
 * and delivered with the last chunk, which also carries the usage.
 */
final class OpenAiChunkStream implements ChunkStream {

	// resolved once: a per-line readValue(…, Class) would look the deserializer up every time
	private static final ObjectReader COMPLETION_LINE = WireJson.MAPPER.readerFor(Completion.class);

	private final LineStream lines;
	private final ThinkTagSplitter splitter = new ThinkTagSplitter();
	private final Map<Integer, String[]> calls = new TreeMap<>();
	private String model;
	private String finishReason;
	private int promptTokens;
	private int completionTokens;
	private boolean done;

	OpenAiChunkStream(LineStream lines) {
		this.lines = lines;
	}

	@Override
	public LocalChatChunk next() {
		while (!done) {
			String line = lines.next();
			if (line == null) {
				throw new ServerErrorException(0, "stream ended before [DONE] (connection cut)");
			}
			if (!line.startsWith("data:")) {
				continue;
			}
			String data = line.substring(5).trim();
			if ("[DONE]".equals(data)) {
				done = true;
				lines.finishQuietly();
				return last();
			}
			LocalChatChunk chunk = chunk(WireJson.read(COMPLETION_LINE, data));
			if (!chunk.isEmpty()) {
				return chunk;
			}
		}
		return null;
	}

	private LocalChatChunk chunk(Completion completion) {
		model = completion.model() != null ? completion.model() : model;
		if (completion.usage() != null) {
			promptTokens = completion.usage().promptTokens();
			completionTokens = completion.usage().completionTokens();
		}
		if (completion.choices() == null || completion.choices().isEmpty()) {
			return new LocalChatChunk("", "", null, false, model, null, 0, 0);
		}
		Choice choice = completion.choices().get(0);
		if (choice.delta() == null) {
			// /v1/completions streams text, not deltas
			finishReason = choice.finishReason() != null ? choice.finishReason() : finishReason;
			ThinkTagSplitter.Split split = splitter.feed(choice.text() == null ? "" : choice.text());
			return new LocalChatChunk(split.content(), split.thinking(), null, false, model, null, 0, 0);
		}
		finishReason = choice.finishReason() != null ? choice.finishReason() : finishReason;
		if (choice.delta().toolCalls() != null) {
			for (Call call : choice.delta().toolCalls()) {
				String[] parts = calls.computeIfAbsent(call.index() == null ? calls.size() : call.index(),
						i -> new String[] { null, null, "" });
				parts[0] = call.id() != null ? call.id() : parts[0];
				if (call.function() != null) {
					parts[1] = call.function().name() != null ? call.function().name() : parts[1];
					parts[2] += call.function().arguments() == null ? "" : call.function().arguments();
				}
			}
		}
		String content = choice.delta().content() == null ? "" : choice.delta().content();
		ThinkTagSplitter.Split split = splitter.feed(content);
		return new LocalChatChunk(split.content(), choice.delta().reasoningText() + split.thinking(), null, false, model,
				null, 0, 0);
	}

	private LocalChatChunk last() {
		ThinkTagSplitter.Split rest = splitter.finish();
		List<ToolCall> toolCalls = new ArrayList<>();
		calls.forEach((index, parts) -> toolCalls
			.add(new ToolCall(parts[0] != null ? parts[0] : "call_" + index, parts[1], parts[2].isEmpty() ? "{}" : parts[2])));
		return new LocalChatChunk(rest.content(), rest.thinking(), toolCalls, true, model, finishReason, promptTokens,
				completionTokens);
	}

	@Override
	public void close() {
		lines.close();
	}

}
