package io.github.deepseekspring.rag.app.limits;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Meters of the limits: {@code deepseek.rag.limits.rejected} by reason ({@code rate}, {@code busy}, {@code size}),
 * and gauges of model calls in flight and queued.
 */
class LimitMetrics {

	private final Counter rate;

	private final Counter busy;

	private final Counter size;

	private LimitMetrics(Counter rate, Counter busy, Counter size) {
		this.rate = rate;
		this.busy = busy;
		this.size = size;
	}

	static LimitMetrics noop() {
		return new LimitMetrics(null, null, null);
	}

	static LimitMetrics of(MeterRegistry registry, ModelCallGate gate) {
		Gauge.builder("deepseek.rag.limits.model.calls", gate, ModelCallGate::inFlight)
			.description("Model calls in flight")
			.register(registry);
		Gauge.builder("deepseek.rag.limits.model.queued", gate, ModelCallGate::waiting)
			.description("Requests waiting for a model call slot")
			.register(registry);
		return new LimitMetrics(counter(registry, "rate"), counter(registry, "busy"), counter(registry, "size"));
	}

	private static Counter counter(MeterRegistry registry, String reason) {
		return Counter.builder("deepseek.rag.limits.rejected")
			.description("Requests refused by a limit")
			.tag("reason", reason)
			.register(registry);
	}

	void rate() {
		increment(this.rate);
	}

	void busy() {
		increment(this.busy);
	}

	void size() {
		increment(this.size);
	}

	private static void increment(Counter counter) {
		if (counter != null) {
			counter.increment();
		}
	}

}
