package io.github.deepseekspring.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.resilience.CircuitBreakers;
import io.github.deepseekspring.model.routing.BackendKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/deepseek}: routing mode, backends with their circuit states, and token and cost totals since
 * start-up. Never shows the API key.
 */
@Endpoint(id = "deepseek")
public class DeepSeekEndpoint {

	private final DeepSeekChatModel chatModel;

	private final CircuitBreakers circuitBreakers;

	private final MeterRegistry meterRegistry;

	public DeepSeekEndpoint(DeepSeekChatModel chatModel, CircuitBreakers circuitBreakers, MeterRegistry meterRegistry) {
		this.chatModel = chatModel;
		this.circuitBreakers = circuitBreakers;
		this.meterRegistry = meterRegistry;
	}

	@ReadOperation
	public Map<String, Object> status() {
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("routingMode", this.chatModel.routingMode().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
		status.put("defaultModel", this.chatModel.getOptions().getModel());
		Map<String, Object> backends = new LinkedHashMap<>();
		for (BackendKind kind : BackendKind.values()) {
			Map<String, Object> backend = new LinkedHashMap<>();
			backend.put("circuit", this.circuitBreakers.of(kind).getState().name());
			if (this.meterRegistry != null) {
				backend.put("tokens", tokens(kind));
				backend.put("costCny", sum("deepseek.cost", kind, null));
			}
			backends.put(kind.tag(), backend);
		}
		status.put("backends", backends);
		this.chatModel.remoteApi().ifPresent((api) -> status.put("remoteBaseUrl", api.baseUrl().toString()));
		return status;
	}

	private Map<String, Double> tokens(BackendKind kind) {
		Map<String, Double> tokens = new LinkedHashMap<>();
		for (String type : new String[] { "prompt", "cache_hit", "completion", "reasoning" }) {
			tokens.put(type, sum("deepseek.tokens", kind, type));
		}
		return tokens;
	}

	private double sum(String name, BackendKind kind, String type) {
		var search = this.meterRegistry.find(name).tag("backend", kind.tag());
		if (type != null) {
			search = search.tag("type", type);
		}
		return search.counters().stream().mapToDouble(Counter::count).sum();
	}

}
