package io.github.deepseekspring.model.metrics;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.deepseekspring.model.api.DeepSeekApiException;
import io.github.deepseekspring.model.chat.DeepSeekUsage;
import io.github.deepseekspring.model.routing.BackendKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;

/**
 * Micrometer meters of the model layer: {@code deepseek.requests} (backend, model, outcome, error),
 * {@code deepseek.ttft}, {@code deepseek.tokens} (type = prompt, cache_hit, completion, reasoning),
 * {@code deepseek.cost} (CNY), {@code deepseek.failovers} (from, to) and {@code deepseek.inflight}. Tags hold only
 * backend kinds, model names, outcomes and status codes: never a key, a prompt or a conversation id.
 *
 * <p>Without a registry ({@link #noop()}) every method returns at once and Micrometer is never touched, so an
 * application without metrics does not load Micrometer's classes at start-up.
 */
public final class DeepSeekMetrics {

	private final MeterRegistry registry;

	private final Map<BackendKind, AtomicInteger> inflight = new EnumMap<>(BackendKind.class);

	public DeepSeekMetrics(MeterRegistry registry) {
		this.registry = registry;
		if (registry == null) {
			return;
		}
		for (BackendKind kind : BackendKind.values()) {
			AtomicInteger gauge = new AtomicInteger();
			this.inflight.put(kind, gauge);
			registry.gauge("deepseek.inflight", io.micrometer.core.instrument.Tags.of("backend", kind.tag()), gauge);
		}
	}

	/** Metrics that go nowhere. */
	public static DeepSeekMetrics noop() {
		return new DeepSeekMetrics(null);
	}

	public void started(BackendKind backend) {
		if (this.registry != null) {
			this.inflight.get(backend).incrementAndGet();
		}
	}

	public void finished(BackendKind backend) {
		if (this.registry != null) {
			this.inflight.get(backend).decrementAndGet();
		}
	}

	public void success(BackendKind backend, String model) {
		request(backend, model, "success", "none");
	}

	public void cancelled(BackendKind backend, String model) {
		request(backend, model, "cancelled", "none");
	}

	public void error(BackendKind backend, String model, Throwable error) {
		request(backend, model, "error", errorTag(error));
	}

	private void request(BackendKind backend, String model, String outcome, String error) {
		if (this.registry == null) {
			return;
		}
		Counter.builder("deepseek.requests")
			.description("Chat requests per backend attempt")
			.tags("backend", backend.tag(), "model", safe(model), "outcome", outcome, "error", error)
			.register(this.registry)
			.increment();
	}

	public void timeToFirstToken(BackendKind backend, String model, Duration ttft) {
		if (this.registry == null) {
			return;
		}
		Timer.builder("deepseek.ttft")
			.description("Time to the first token of a stream")
			.tags("backend", backend.tag(), "model", safe(model))
			.register(this.registry)
			.record(ttft);
	}

	public void failover(BackendKind from, BackendKind to) {
		if (this.registry == null) {
			return;
		}
		Counter.builder("deepseek.failovers").tags("from", from.tag(), "to", to.tag()).register(this.registry).increment();
	}

	public void usage(BackendKind backend, String model, DeepSeekUsage usage) {
		if (this.registry == null) {
			return;
		}
		tokens(backend, model, "prompt", usage.promptTokens());
		tokens(backend, model, "cache_hit", usage.cacheHitTokens());
		tokens(backend, model, "completion", usage.completionTokens());
		tokens(backend, model, "reasoning", usage.reasoningTokens());
		BigDecimal cost = usage.costCny();
		if (cost != null && cost.signum() > 0) {
			Counter.builder("deepseek.cost")
				.baseUnit("CNY")
				.tags("backend", backend.tag(), "model", safe(model))
				.register(this.registry)
				.increment(cost.doubleValue());
		}
	}

	private void tokens(BackendKind backend, String model, String type, long count) {
		if (count > 0) {
			Counter.builder("deepseek.tokens")
				.baseUnit("tokens")
				.tags("backend", backend.tag(), "model", safe(model), "type", type)
				.register(this.registry)
				.increment(count);
		}
	}

	static String errorTag(Throwable error) {
		if (error instanceof DeepSeekApiException api) {
			return Integer.toString(api.status());
		}
		if (error instanceof CallNotPermittedException) {
			return "circuit_open";
		}
		return error instanceof io.github.deepseekspring.model.api.DeepSeekTimeoutException ? "timeout" : "transport";
	}

	private static String safe(String model) {
		return model == null ? "unknown" : model;
	}

}
