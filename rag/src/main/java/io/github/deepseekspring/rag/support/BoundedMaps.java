package io.github.deepseekspring.rag.support;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps for memoising in a long-running process without growing with everything it ever saw. */
public final class BoundedMaps {

	private BoundedMaps() {
	}

	/**
	 * A thread-safe map that keeps the {@code capacity} entries used last and forgets the others.
	 * @param capacity the most entries kept
	 */
	public static <K, V> Map<K, V> leastRecentlyUsed(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
		}
		return Collections.synchronizedMap(new LinkedHashMap<>(Math.min(capacity, 64), 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
				return size() > capacity;
			}

		});
	}

}
