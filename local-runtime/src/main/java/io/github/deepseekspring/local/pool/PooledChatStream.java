package io.github.deepseekspring.local.pool;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

import io.github.deepseekspring.local.LocalRuntimeException;
import io.github.deepseekspring.local.chat.LocalChatChunk;
import io.github.deepseekspring.local.transport.StreamPublisher;

/** One streamed answer: tries endpoints until one delivers a first chunk, then relays that endpoint's stream only. */
final class PooledChatStream implements StreamPublisher.Source<LocalChatChunk> {

	private final EndpointPicker picker;
	private final String model;
	private final String affinityKey;
	private final Function<URI, ChunkStream> open;

	PooledChatStream(EndpointPicker picker, String model, String affinityKey, Function<URI, ChunkStream> open) {
		this.picker = picker;
		this.model = model;
		this.affinityKey = affinityKey;
		this.open = open;
	}

	@Override
	public void run(StreamPublisher.Sink<LocalChatChunk> sink) {
		Set<EndpointState> tried = new HashSet<>();
		LocalRuntimeException last = null;
		for (EndpointState state = picker.pick(model, affinityKey, tried); state != null; state = picker.pick(model,
				affinityKey, tried)) {
			tried.add(state);
			state.inFlight.incrementAndGet();
			ChunkStream stream = null;
			LocalChatChunk first;
			try {
				stream = open.apply(state.url());
				sink.onCancel(stream::close);
				first = stream.next();
			}
			catch (LocalRuntimeException e) {
				state.inFlight.decrementAndGet();
				if (stream != null) {
					stream.close();
				}
				if (sink.isCancelled()) {
					throw new CancellationException();
				}
				PooledLocalRuntime.noteFailure(state, e);
				if (!e.isRetryable()) {
					throw e;
				}
				last = e;
				continue;
			}
			relay(sink, state, stream, first);
			return;
		}
		throw last;
	}

	private static void relay(StreamPublisher.Sink<LocalChatChunk> sink, EndpointState state, ChunkStream stream,
			LocalChatChunk first) {
		try (stream) {
			for (LocalChatChunk chunk = first; chunk != null; chunk = stream.next()) {
				if (sink.isCancelled()) {
					throw new CancellationException();
				}
				sink.next(chunk);
			}
		}
		catch (LocalRuntimeException e) {
			if (sink.isCancelled()) {
				throw new CancellationException();
			}
			throw e;
		}
		finally {
			state.inFlight.decrementAndGet();
		}
	}

}
