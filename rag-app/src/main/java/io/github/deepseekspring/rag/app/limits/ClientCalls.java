package io.github.deepseekspring.rag.app.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Model calls in flight per client, at most a given number each. A client that {@link #enter entered} must
 * {@link #leave} exactly once. Memory holds only clients with calls in flight.
 */
final class ClientCalls {

	private final int max;

	private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

	ClientCalls(int max) {
		this.max = max;
	}

	/** Whether the client may start another call; if so it counts. */
	boolean enter(String client) {
		boolean[] admitted = { false };
		this.inFlight.compute(client, (c, calls) -> {
			int now = (calls != null) ? calls : 0;
			admitted[0] = now < this.max;
			return admitted[0] ? now + 1 : calls;
		});
		return admitted[0];
	}

	void leave(String client) {
		this.inFlight.computeIfPresent(client, (c, calls) -> (calls > 1) ? calls - 1 : null);
	}

	int clients() {
		return this.inFlight.size();
	}

}
