package io.github.deepseekspring.model.cost;

import java.math.BigDecimal;

/**
 * Peak-hour prices of one model in CNY per one million tokens.
 *
 * @param cacheHitInput input tokens served from DeepSeek's context cache
 * @param cacheMissInput other input tokens
 * @param output completion tokens (reasoning included)
 */
public record ModelPrice(BigDecimal cacheHitInput, BigDecimal cacheMissInput, BigDecimal output) {

	/** A model that costs nothing (the default for the local runtime). */
	public static final ModelPrice FREE = of("0", "0", "0");

	public static ModelPrice of(String cacheHitInput, String cacheMissInput, String output) {
		return new ModelPrice(new BigDecimal(cacheHitInput), new BigDecimal(cacheMissInput), new BigDecimal(output));
	}

}
