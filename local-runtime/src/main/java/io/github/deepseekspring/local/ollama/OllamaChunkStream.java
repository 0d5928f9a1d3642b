package io.github.deepseekspring.local.ollama;

import java.util.function.Function;

import io.github.deepseekspring.local.ServerErrorException;
import io.github.deepseekspring.local.chat.LocalChatChunk;
import io.github.deepseekspring.local.chat.ThinkTagSplitter;
import io.github.deepseekspring.local.ollama.OllamaWire.ChatReply;
import io.github.deepseekspring.local.ollama.OllamaWire.GenerateReply;
import io.github.deepseekspring.local.ollama.OllamaWire.Message;
import io.github.deepseekspring.local.pool.ChunkStream;
import io.github.deepseekspring.local.transport.LineStream;
import io.github.deepseekspring.local.transport.WireJson;
import tools.jackson.databind.ObjectReader;

/**
 * Ollama's NDJSON stream ({@code /api/chat} or {@code /api/generate}), one line per chunk, with inline
 * {@code <think>} split out of the content.
 */
final class OllamaChunkStream implements ChunkStream {

	// readers resolved once: a per-line readValue(…, Class) would look the deserializer up every time
	private static final ObjectReader CHAT_LINE = WireJson.MAPPER.readerFor(ChatReply.class);
	private static final ObjectReader GENERATE_LINE = WireJson.MAPPER.readerFor(GenerateReply.class);

	private final LineStream lines;
	private final Function<String, LocalChatChunk> decode;
	private final ThinkTagSplitter splitter = new ThinkTagSplitter();
	private boolean done;

	/** @param decode one line to a chunk whose content is still unsplit */
	OllamaChunkStream(LineStream lines, Function<String, LocalChatChunk> decode) {
		this.lines = lines;
		this.decode = decode;
	}

	static LocalChatChunk chatLine(String line) {
		ChatReply reply = WireJson.read(CHAT_LINE, line);
		if (reply.error() != null) {
			throw new ServerErrorException(500, reply.error());
		}
		Message message = reply.message();
		return new LocalChatChunk(message == null ? "" : message.content(), message == null ? "" : message.thinking(),
				OllamaChatCodec.toolCalls(message), reply.done(), reply.model(), reply.doneReason(),
				reply.promptEvalCount(), reply.evalCount());
	}

	static LocalChatChunk generateLine(String line) {
		GenerateReply reply = WireJson.read(GENERATE_LINE, line);
		if (reply.error() != null) {
			throw new ServerErrorException(500, reply.error());
		}
		return new LocalChatChunk(reply.response(), reply.thinking(), null, reply.done(), reply.model(),
				reply.doneReason(), reply.promptEvalCount(), reply.evalCount());
	}

	@Override
	public LocalChatChunk next() {
		while (!done) {
			String line = lines.next();
			if (line == null) {
				throw new ServerErrorException(0, "stream ended before the runtime said done (connection cut)");
			}
			LocalChatChunk chunk = split(decode.apply(line));
			if (!chunk.isEmpty()) {
				return chunk;
			}
		}
		return null;
	}

	private LocalChatChunk split(LocalChatChunk raw) {
		ThinkTagSplitter.Split split = splitter.feed(raw.content());
		if (raw.done()) {
			done = true;
			lines.finishQuietly();
			ThinkTagSplitter.Split rest = splitter.finish();
			split = new ThinkTagSplitter.Split(split.thinking() + rest.thinking(), split.content() + rest.content());
		}
		return new LocalChatChunk(split.content(), raw.thinking() + split.thinking(), raw.toolCalls(), raw.done(),
				raw.model(), raw.doneReason(), raw.promptTokens(), raw.completionTokens());
	}

	@Override
	public void close() {
		lines.close();
	}

}
