package io.github.deepseekspring.model.api;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.deepseekspring.model.timer.CoarseTimer;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Turns the bytes of a streamed chat completion into {@link StreamEvent}s in one step: lines, server-sent events,
 * JSON chunks, all on bytes; nothing after {@code [DONE]}. One step instead of an operator per stage, and no string
 * per line, keep the cost of each token small when many streams share the CPU. One instance per stream, fed by one
 * thread at a time.
 */
final class StreamDecoder implements SseLineParser.Events {

	/** Stands for {@code [DONE]} in the decoded events; compared by identity, never delivered. */
	private static final StreamEvent END = new StreamEvent.KeepAlive();

	private static final byte[] DONE_DATA = { '[', 'D', 'O', 'N', 'E', ']' };

	private final LineSplitter lines = new LineSplitter();

	private final SseLineParser sse = new SseLineParser(this);

	private final ChunkParser chunks;

	private final Sinks.Empty<Void> doneSignal = Sinks.empty();

	private volatile boolean done;

	private List<StreamEvent> decoded;

	StreamDecoder(ChunkParser chunks) {
		this.chunks = chunks;
	}

	List<StreamEvent> accept(List<ByteBuffer> buffers) {
		this.lines.accept(buffers, this.sse);
		return takeDecoded();
	}

	/** The events left when the body ended without a final line break or blank line. */
	List<StreamEvent> finish() {
		this.lines.finish(this.sse);
		this.sse.finish();
		return takeDecoded();
	}

	/** Whether {@code [DONE]} arrived. */
	boolean done() {
		return this.done;
	}

	/**
	 * Whether to pass the event on: not the mark of {@code [DONE]}, which starts {@link #doneFor}'s wait instead. As a
	 * filter after the decoding step, it sees that mark only once the events before it have been delivered.
	 */
	boolean deliverable(StreamEvent event) {
		if (event != END) {
			return true;
		}
		this.doneSignal.tryEmitEmpty();
		return false;
	}

	/**
	 * Emits {@code linger} after {@code [DONE]} was reached. The stream is not cut at {@code [DONE]}: the body ends
	 * right after it, and reading that end lets the HTTP client keep the connection for the next request (cutting it
	 * closes the connection, and the next request pays a new TCP and TLS handshake). Only a server that keeps the
	 * body open after {@code [DONE]} gets cut, {@code linger} later.
	 */
	Mono<Long> doneFor(Duration linger) {
		return this.doneSignal.asMono().then(CoarseTimer.shared().delay(linger));
	}

	@Override
	public void keepAlive() {
		add(StreamEvent.KeepAlive.INSTANCE);
	}

	@Override
	public void data(byte[] data, int length) {
		if (this.done) {
			return;
		}
		if (Arrays.equals(data, 0, length, DONE_DATA, 0, DONE_DATA.length)) {
			add(END);
			this.done = true;
		}
		else {
			add(new StreamEvent.Chunk(this.chunks.parse(data, 0, length)));
		}
	}

	private void add(StreamEvent event) {
		if (this.done) {
			return;
		}
		if (this.decoded == null) {
			this.decoded = new ArrayList<>(4);
		}
		this.decoded.add(event);
	}

	private List<StreamEvent> takeDecoded() {
		List<StreamEvent> events = this.decoded;
		this.decoded = null;
		return (events != null) ? events : List.of();
	}

}
