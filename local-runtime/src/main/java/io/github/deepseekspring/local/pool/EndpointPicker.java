package io.github.deepseekspring.local.pool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chooses the endpoint for a request: the affinity key's endpoint while it is up and serves the model (its KV cache
 * is warm), else the one with the fewest outstanding requests per unit of weight among those that serve the model.
 * Ties rotate so equal boxes share load.
 */
final class EndpointPicker {

	private static final int MAX_AFFINITY_KEYS = 10_000;

	private final EndpointState[] states;
	private final AtomicInteger rotation = new AtomicInteger();
	private final Map<String, EndpointState> affinity = new LinkedHashMap<>(64, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, EndpointState> eldest) {
			return size() > MAX_AFFINITY_KEYS;
		}
	};

	EndpointPicker(List<EndpointState> states) {
		this.states = states.toArray(new EndpointState[0]);
	}

	/**
	 * The endpoint to try next, or null when every endpoint was tried. Prefers up endpoints serving the model, then
	 * any up endpoint (the runtime may know an alias), then down ones (health may be stale).
	 */
	EndpointState pick(String model, String affinityKey, Set<EndpointState> tried) {
		if (affinityKey != null) {
			EndpointState sticky;
			synchronized (affinity) {
				sticky = affinity.get(affinityKey);
			}
			if (sticky != null && sticky.isUp() && sticky.serves(model) && !tried.contains(sticky)) {
				return sticky;
			}
		}
		EndpointState best = leastLoaded(model, tried, true, true);
		if (best == null) {
			best = leastLoaded(model, tried, true, false);
		}
		if (best == null) {
			best = leastLoaded(model, tried, false, false);
		}
		if (best != null && affinityKey != null) {
			synchronized (affinity) {
				affinity.put(affinityKey, best);
			}
		}
		return best;
	}

	private EndpointState leastLoaded(String model, Set<EndpointState> tried, boolean upOnly, boolean servingOnly) {
		int count = states.length;
		int start = count == 1 ? 0 : Math.floorMod(rotation.getAndIncrement(), count);
		EndpointState best = null;
		double bestScore = Double.MAX_VALUE;
		for (int i = 0; i < count; i++) {
			EndpointState state = states[(start + i) % count];
			if ((upOnly && !state.isUp()) || (servingOnly && !state.serves(model)) || tried.contains(state)) {
				continue;
			}
			double score = (state.inFlight.get() + 1) / (double) state.endpoint.weight();
			if (score < bestScore) {
				best = state;
				bestScore = score;
			}
		}
		return best;
	}

}
