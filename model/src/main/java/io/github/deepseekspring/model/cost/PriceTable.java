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
 * <p>
 * Building a table touches no {@link BigDecimal}: DeepSeek's published prices and the defaults are created on the
 * first cost computed. Initialising {@code BigDecimal} takes a fresh JVM 30 to 40 ms, a large part of what the
 * starter would otherwise add to an application's start-up.
 */
public final class PriceTable {

	private static final String DEFAULT_FALLBACK_MODEL = "deepseek-flash";

	/** Prices set explicitly; they win over the published ones. */
	private final Map<String, ModelPrice> remote;

	private final boolean publishedPrices;

	private final String fallbackModel;

	/** {@code null}: DeepSeek's half price. */
	private final BigDecimal offPeakFactor;

	/** {@code null}: free. */
	private final ModelPrice local;

	public PriceTable(Map<String, ModelPrice> remote, String fallbackModel, BigDecimal offPeakFactor, ModelPrice local) {
		this(remote, false, fallbackModel, Objects.requireNonNull(offPeakFactor), Objects.requireNonNull(local));
	}

	private PriceTable(Map<String, ModelPrice> remote, boolean publishedPrices, String fallbackModel,
			BigDecimal offPeakFactor, ModelPrice local) {
		this.remote = Map.copyOf(remote);
		this.publishedPrices = publishedPrices;
		this.fallbackModel = fallbackModel;
		this.offPeakFactor = offPeakFactor;
		this.local = local;
	}

	/**
	 * DeepSeek's published prices: flash 0.04 / 2 / 8 and pro 0.30 / 9 / 27 CNY per 1M tokens at peak, half price
	 * off-peak; the local runtime is free.
	 */
	public static PriceTable defaults() {
		return new PriceTable(Map.of(), true, DEFAULT_FALLBACK_MODEL, null, null);
	}

	/** A copy with one model's price replaced or added. */
	public PriceTable withModel(String model, ModelPrice price) {
		Map<String, ModelPrice> prices = new LinkedHashMap<>(this.remote);
		prices.put(model, Objects.requireNonNull(price));
		return new PriceTable(prices, this.publishedPrices, this.fallbackModel, this.offPeakFactor, this.local);
	}

	/** A copy with another factor for off-peak remote prices (0.5: half price). */
	public PriceTable withOffPeakFactor(BigDecimal offPeakFactor) {
		return new PriceTable(this.remote, this.publishedPrices, this.fallbackModel,
				Objects.requireNonNull(offPeakFactor), this.local);
	}

	/** A copy with the local runtime priced per 1M tokens. */
	public PriceTable withLocalPrice(ModelPrice price) {
		return new PriceTable(this.remote, this.publishedPrices, this.fallbackModel, this.offPeakFactor,
				Objects.requireNonNull(price));
	}

	/** Cost in CNY of one remote request. Cache-miss tokens default to prompt minus cache-hit tokens. */
	public BigDecimal remoteCost(String model, long cacheHitTokens, long cacheMissTokens, long completionTokens,
			Instant at) {
		ModelPrice price = remotePrice(model);
		if (price == null) {
			price = remotePrice(this.fallbackModel);
		}
		if (price == null) {
			return BigDecimal.ZERO;
		}
		BigDecimal cost = cost(price, cacheHitTokens, cacheMissTokens, completionTokens);
		if (PeakHours.isPeak(at)) {
			return cost;
		}
		return cost.multiply(this.offPeakFactor != null ? this.offPeakFactor : Deferred.OFF_PEAK_FACTOR);
	}

	/** Cost in CNY of one local request (no peak pricing, no cache split). */
	public BigDecimal localCost(long promptTokens, long completionTokens) {
		return cost(this.local != null ? this.local : ModelPrice.FREE, 0, promptTokens, completionTokens);
	}

	private ModelPrice remotePrice(String model) {
		if (model == null) {
			return null;
		}
		ModelPrice price = this.remote.get(model);
		return (price != null || !this.publishedPrices) ? price : Deferred.PRICES.get(model);
	}

	private static BigDecimal cost(ModelPrice price, long hit, long miss, long out) {
		BigDecimal total = price.cacheHitInput()
			.multiply(BigDecimal.valueOf(hit))
			.add(price.cacheMissInput().multiply(BigDecimal.valueOf(miss)))
			.add(price.output().multiply(BigDecimal.valueOf(out)));
		return total.divide(Deferred.MILLION, MathContext.DECIMAL64);
	}

	/** DeepSeek's published prices and the constants of the arithmetic, created on the first cost computed. */
	private static final class Deferred {

		static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

		static final BigDecimal OFF_PEAK_FACTOR = new BigDecimal("0.5");

		static final Map<String, ModelPrice> PRICES;

		static {
			ModelPrice flash = ModelPrice.of("0.04", "2", "8");
			ModelPrice pro = ModelPrice.of("0.30", "9", "27");
			PRICES = Map.of("deepseek-flash", flash, "deepseek-v4-flash", flash, "deepseek-chat", flash,
					"deepseek-v4-pro", pro, "deepseek-reasoner", pro);
		}

	}

}
