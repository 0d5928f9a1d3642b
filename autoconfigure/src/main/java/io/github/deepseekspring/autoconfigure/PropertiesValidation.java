package io.github.deepseekspring.autoconfigure;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.validation.Errors;

/**
 * The rules {@link DeepSeekProperties} checks at binding time. Each error names the field path, which Spring Boot
 * reports as the property name ({@code deepseek.timeouts.idle} and so on).
 */
final class PropertiesValidation {

	private PropertiesValidation() {
	}

	static void validate(DeepSeekProperties properties, Errors errors) {
		httpUrl(properties.getBaseUrl(), "baseUrl", errors);
		positive(properties.getChat().getMaxTokens(), "chat.maxTokens", errors);
		positive(properties.getChat().getMaxConcurrency(), "chat.maxConcurrency", errors);
		List<DeepSeekProperties.Endpoint> endpoints = properties.getLocal().getEndpoints();
		if (properties.getLocal().getBaseUrl() != null) {
			httpUrl(properties.getLocal().getBaseUrl(), "local.baseUrl", errors);
		}
		for (int i = 0; i < endpoints.size(); i++) {
			httpUrl(endpoints.get(i).getUrl(), "local.endpoints[" + i + "].url", errors);
			if (endpoints.get(i).getWeight() < 1) {
				reject(errors, "local.endpoints[" + i + "].weight", "must be at least 1");
			}
			positive(endpoints.get(i).getParallel(), "local.endpoints[" + i + "].parallel", errors);
		}
		if (properties.getLocal().getParallel() < 1) {
			reject(errors, "local.parallel", "must be at least 1");
		}
		if (properties.getLocal().getMaxConcurrency() < 1) {
			reject(errors, "local.maxConcurrency", "must be at least 1");
		}
		if (properties.getLocal().getEmbedding().getBatchSize() < 1) {
			reject(errors, "local.embedding.batchSize", "must be at least 1");
		}
		positive(properties.getLocal().getEmbedding().getDimensions(), "local.embedding.dimensions", errors);
		DeepSeekProperties.Retry retry = properties.getRetry();
		if (retry.getMaxAttempts() < 1) {
			reject(errors, "retry.maxAttempts", "must be at least 1 (1 disables retries)");
		}
		if (retry.getJitter() < 0 || retry.getJitter() > 1) {
			reject(errors, "retry.jitter", "must be between 0 and 1");
		}
		if (retry.getMultiplier() < 1) {
			reject(errors, "retry.multiplier", "must be at least 1");
		}
		if (properties.getCircuitBreaker().getWindow() < 1) {
			reject(errors, "circuitBreaker.window", "must be at least 1");
		}
		DeepSeekProperties.Timeouts timeouts = properties.getTimeouts();
		positive(timeouts.getConnect(), "timeouts.connect", errors);
		positive(timeouts.getFirstToken(), "timeouts.firstToken", errors);
		positive(timeouts.getIdle(), "timeouts.idle", errors);
		positive(timeouts.getTotal(), "timeouts.total", errors);
		positive(retry.getDeadline(), "retry.deadline", errors);
		positive(properties.getCircuitBreaker().getOpenFor(), "circuitBreaker.openFor", errors);
		if (properties.getPricing().getOffPeakFactor() != null
				&& properties.getPricing().getOffPeakFactor().signum() < 0) {
			reject(errors, "pricing.offPeakFactor", "must be zero or more");
		}
		for (var model : properties.getPricing().getModels().entrySet()) {
			price(model.getValue(), "pricing.models[" + model.getKey() + "]", errors);
		}
		price(properties.getPricing().getLocal(), "pricing.local", errors);
	}

	/** Rejects a field with a message that starts with the property's public name, as users write it. */
	private static void reject(Errors errors, String field, String message) {
		errors.rejectValue(field, "deepseek.invalid", DeepSeekProperties.PREFIX + "." + dashed(field) + " " + message);
	}

	private static String dashed(String field) {
		return field.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
	}

	private static void positive(Duration duration, String field, Errors errors) {
		if (duration == null || duration.isZero() || duration.isNegative()) {
			reject(errors, field, "must be a positive duration");
		}
	}

	private static void positive(Integer value, String field, Errors errors) {
		if (value != null && value < 1) {
			reject(errors, field, "must be at least 1");
		}
	}

	private static void httpUrl(URI url, String field, Errors errors) {
		if (url == null || url.getScheme() == null || url.getHost() == null
				|| !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
			reject(errors, field, "must be an absolute http or https URL");
		}
	}

	private static void price(DeepSeekProperties.Price price, String field, Errors errors) {
		for (BigDecimal value : new BigDecimal[] { price.getCacheHitInput(), price.getCacheMissInput(),
				price.getOutput() }) {
			if (value != null && value.signum() < 0) {
				reject(errors, field, "prices must be zero or more");
				return;
			}
		}
	}

}
