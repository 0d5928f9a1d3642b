package io.github.deepseekspring.rag.app.limits;

import io.github.deepseekspring.model.routing.BackendCapacity;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the request limits as servlet filters after Spring Security's chain (so API keys are verified and users
 * authenticated first, and everything else counts by IP): body size, then the per-client rate, then the caps on model
 * calls. {@code deepseek.rag.limits.enabled=false} registers none.
 */
@Configuration(proxyBeanMethods = false)
public class LimitsConfiguration {

	/** Spring Security's filter chain runs at -100; these run right after it. */
	static final int ORDER = -90;

	/** The cap follows what the model backends serve at once, unless max-calls says otherwise. */
	@Bean
	ModelCallGate modelCallGate(LimitsProperties properties, ObjectProvider<BackendCapacity> backends) {
		LimitsProperties.Concurrency concurrency = properties.concurrency();
		BackendCapacity capacity = backends.getIfAvailable();
		return new ModelCallGate(concurrency.effectiveMaxCalls((capacity != null) ? capacity.total() : 0),
				concurrency.queue(), concurrency.queueTimeout(), System::nanoTime);
	}

	@Bean
	LimitMetrics limitMetrics(ObjectProvider<MeterRegistry> registry, ModelCallGate gate) {
		MeterRegistry meters = registry.getIfAvailable();
		return (meters != null) ? LimitMetrics.of(meters, gate) : LimitMetrics.noop();
	}

	@Bean
	Refusals limitRefusals(ObjectProvider<RefusalFormat> formats) {
		return new Refusals(formats.orderedStream().toList());
	}

	@Bean
	FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(LimitsProperties properties, LimitMetrics metrics,
			Refusals refusals) {
		return register(new RequestSizeFilter(new PathPatterns(properties.paths()),
				new PathPatterns(properties.request().uploadPaths()), properties.request(), metrics, refusals),
				properties, 0);
	}

	@Bean
	FilterRegistrationBean<RateLimitFilter> rateLimitFilter(LimitsProperties properties, LimitMetrics metrics,
			Refusals refusals) {
		return register(new RateLimitFilter(new PathPatterns(properties.paths()),
				new TokenBuckets(properties.rate(), System::nanoTime), metrics, refusals), properties, 1);
	}

	@Bean
	FilterRegistrationBean<ModelConcurrencyFilter> modelConcurrencyFilter(LimitsProperties properties,
			ModelCallGate gate, LimitMetrics metrics, Refusals refusals) {
		return register(new ModelConcurrencyFilter(properties.concurrency(), gate, metrics, refusals), properties, 2);
	}

	private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> register(F filter,
			LimitsProperties properties, int offset) {
		FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(ORDER + offset);
		registration.setEnabled(properties.enabled());
		return registration;
	}

}
