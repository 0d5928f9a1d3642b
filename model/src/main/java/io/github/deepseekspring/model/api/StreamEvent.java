package io.github.deepseekspring.model.api;

/**
 * What a streamed chat completion yields: a chunk, or a keep-alive that proves liveness but is no token.
 */
public sealed interface StreamEvent {

	/** A keep-alive comment or blank line. */
	record KeepAlive() implements StreamEvent {

		public static final KeepAlive INSTANCE = new KeepAlive();

	}

	/** A parsed {@code data:} chunk. */
	record Chunk(ChatCompletionChunk chunk) implements StreamEvent {
	}

}
