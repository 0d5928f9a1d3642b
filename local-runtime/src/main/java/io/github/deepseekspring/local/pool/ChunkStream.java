package io.github.deepseekspring.local.pool;

import io.github.deepseekspring.local.chat.LocalChatChunk;

/** A streamed answer read chunk by chunk; closing it aborts the HTTP request. */
public interface ChunkStream extends AutoCloseable {

	/** The next chunk, or null after the last ({@code done}) one. Throws if the stream broke off before done. */
	LocalChatChunk next();

	@Override
	void close();

}
