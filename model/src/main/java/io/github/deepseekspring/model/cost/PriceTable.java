package io.github.deepseekspring.model.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Prices per model (peak hours), an off-peak factor, and the price of the local runtime. Model names are
 * configuration: unknown remote models are priced like the configured fallback model.
 */
public final class PriceTable {

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	private final Map<String, ModelPrice> remote;

	private final String fallbackModel;

	private final BigDecimal offPeakFactor;

	private final ModelPrice local;

	public PriceTable(Map<String, ModelPrice> remote, String fallbackModel, BigDecimal offPeakFactor, ModelPrice local) {
		this.remote = Map.copyOf(remote);
		this.fallbackModel = fallbackModel;
		this.offPeakFactor = Objects.requireNonNull(offPeakFactor);
		this.local = Objects.requireNonNull(local);
	}

	/**
	 * DeepSeek's published prices: flash 0.04 / 2 / 8 and pro 0.30 / 9 / 27 CNY per 1M tokens at peak, half price
	 * off-peak; the local runtime is free.
	 */
	public static PriceTable defaults() {
		Map<String, ModelPrice> prices = new LinkedHashMap<>();
		ModelPrice flash = ModelPrice.of("0.04", "2", "8");
		ModelPrice pro = ModelPrice.of("0.30", "9", "27");
		prices.put("deepseek-flash", flash);
		prices.put("deepseek-v4-flash", flash);
		prices.put("deepseek-chat", flash);
		prices.put("deepseek-v4-pro", pro);
		prices.put("deepseek-reasoner", pro);
		return new PriceTable(prices, "deepseek-flash", new BigDecimal("0.5"), ModelPrice.FREE);
	}

	/** A copy with one model's price replaced or added. */
	public PriceTable withModel(String model, ModelPrice price) {
		Map<String, ModelPrice> prices = new LinkedHashMap<>(this.remote);
		prices.put(model, price);
		return new PriceTable(prices, this.fallbackModel, this.offPeakFactor, this.local);
	}

	/** A copy with another factor for off-peak remote prices (0.5: half price). */
	public PriceTable withOffPeakFactor(BigDecimal offPeakFactor) {
		return new PriceTable(this.remote, this.fallbackModel, offPeakFactor, this.local);
	}

	/** A copy with the local runtime priced per 1M tokens. */
	public PriceTable withLocalPrice(ModelPrice price) {
		return new PriceTable(this.remote, this.fallbackModel, this.offPeakFactor, price);
	}

	/** Cost in CNY of one remote request. Cache-miss tokens default to prompt minus cache-hit tokens. */
	public BigDecimal remoteCost(String model, long cacheHitTokens, long cacheMissTokens, long completionTokens,
			Instant at) {
		ModelPrice price = this.remote.getOrDefault(model, this.remote.get(this.fallbackModel));
		if (price == null) {
			return BigDecimal.ZERO;
		}
		BigDecimal cost = cost(price, cacheHitTokens, cacheMissTokens, completionTokens);
		return PeakHours.isPeak(at) ? cost : cost.multiply(this.offPeakFactor);
	}

	/** Cost in CNY of one local request (no peak pricing, no cache split). */
	public BigDecimal localCost(long promptTokens, long completionTokens) {
		return cost(this.local, 0, promptTokens, completionTokens);
	}

	private static BigDecimal cost(ModelPrice price, long hit, long miss, long out) {
		BigDecimal total = price.cacheHitInput()
			.multiply(BigDecimal.valueOf(hit))
			.add(price.cacheMissInput().multiply(BigDecimal.valueOf(miss)))
			.add(price.output().multiply(BigDecimal.valueOf(out)));
		return total.divide(MILLION, MathContext.DECIMAL64);
	}

}
