package io.github.deepseekspring.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.deepseekspring.local.LocalRuntime;
import io.github.deepseekspring.local.pool.EndpointStatus;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of the local runtime: up while any endpoint of the pool is up; each endpoint with its version, models,
 * loaded models and VRAM in use, from the pool's background health checks (no request made here).
 */
public class LocalRuntimeHealthIndicator extends AbstractHealthIndicator {

	private final LocalRuntime runtime;

	public LocalRuntimeHealthIndicator(LocalRuntime runtime) {
		super("Local runtime health check failed");
		this.runtime = runtime;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		List<EndpointStatus> endpoints = this.runtime.endpoints();
		boolean anyUp = endpoints.stream().anyMatch(EndpointStatus::up);
		(anyUp ? builder.up() : builder.down()).withDetail("endpoints", endpoints.stream()
			.collect(LinkedHashMap::new, (details, endpoint) -> details.put(endpoint.url(), details(endpoint)),
					Map::putAll));
	}

	private static Map<String, Object> details(EndpointStatus endpoint) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("status", endpoint.up() ? "UP" : "DOWN");
		details.put("version", endpoint.version());
		details.put("inFlight", endpoint.inFlight());
		details.put("models", endpoint.models());
		details.put("loaded", endpoint.loaded().stream().map((model) -> model.name()).toList());
		details.put("vramBytes", endpoint.vramBytes());
		if (endpoint.lastError() != null) {
			details.put("lastError", endpoint.lastError());
		}
		return details;
	}

}
