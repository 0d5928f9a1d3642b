package io.github.deepseekspring.local.pool;

import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * One runtime of a pool.
 * @param url base URL, e.g. {@code http://gpu-box-1:11434}
 * @param weight relative capacity (a box with twice the GPUs gets weight 2)
 * @param models the models to route there; empty: whatever its model list ({@code /api/tags}) says
 */
public record Endpoint(URI url, int weight, Set<String> models) {

	public Endpoint {
		Objects.requireNonNull(url, "url");
		if (weight <= 0) {
			throw new IllegalArgumentException("endpoint weight must be > 0, got " + weight + " for " + url);
		}
		String path = url.getPath();
		if (path != null && path.endsWith("/")) {
			url = URI.create(url.toString().substring(0, url.toString().length() - 1));
		}
		models = models == null ? Set.of() : Set.copyOf(models);
	}

	public static Endpoint of(String url) {
		return new Endpoint(URI.create(url), 1, Set.of());
	}

	public Endpoint withWeight(int value) {
		return new Endpoint(url, value, models);
	}

	public Endpoint withModels(String... names) {
		return new Endpoint(url, weight, Set.of(names));
	}

}
