package io.github.deepseekspring.local.ollama;

import io.github.deepseekspring.local.ServerErrorException;
import io.github.deepseekspring.local.chat.LocalChatChunk;
import io.github.deepseekspring.local.chat.ThinkTagSplitter;
import io.github.deepseekspring.local.ollama.OllamaWire.ChatReply;
import io.github.deepseekspring.local.ollama.OllamaWire.Message;
import io.github.deepseekspring.local.pool.ChunkStream;
import io.github.deepseekspring.local.transport.LineStream;
import io.github.deepseekspring.local.transport.WireJson;

/** Ollama's NDJSON chat stream, one line per chunk, with inline {@code <think>} split out. */
final class OllamaChunkStream implements ChunkStream {

	private final LineStream lines;
	private final ThinkTagSplitter splitter = new ThinkTagSplitter();
	private boolean done;

	OllamaChunkStream(LineStream lines) {
		this.lines = lines;
	}

	@Override
	public LocalChatChunk next() {
		while (!done) {
			String line = lines.next();
			if (line == null) {
				throw new ServerErrorException(0, "stream ended before the runtime said done (connection cut)");
			}
			ChatReply reply = WireJson.MAPPER.readValue(line, ChatReply.class);
			if (reply.error() != null) {
				throw new ServerErrorException(500, reply.error());
			}
			LocalChatChunk chunk = toChunk(reply);
			if (!chunk.isEmpty()) {
				return chunk;
			}
		}
		return null;
	}

	private LocalChatChunk toChunk(ChatReply reply) {
		Message message = reply.message();
		String content = message == null || message.content() == null ? "" : message.content();
		String thinking = message == null || message.thinking() == null ? "" : message.thinking();
		ThinkTagSplitter.Split split = splitter.feed(content);
		if (reply.done()) {
			done = true;
			lines.finishQuietly();
			ThinkTagSplitter.Split rest = splitter.finish();
			split = new ThinkTagSplitter.Split(split.thinking() + rest.thinking(), split.content() + rest.content());
		}
		return new LocalChatChunk(split.content(), thinking + split.thinking(), OllamaChatCodec.toolCalls(message),
				reply.done(), reply.model(), reply.doneReason(), reply.promptEvalCount(), reply.evalCount());
	}

	@Override
	public void close() {
		lines.close();
	}

}
