package io.github.deepseekspring.model.cost;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PriceTableTests {

	// 2026-11-25 is a Wednesday; 02:00 UTC = 10:00 Beijing (peak), 05:00 UTC = 13:00 (lunch, off-peak)
	private static final Instant WEDNESDAY_PEAK = Instant.parse("2026-11-25T02:00:00Z");

	private static final Instant WEDNESDAY_LUNCH = Instant.parse("2026-11-25T05:00:00Z");

	private static final Instant SATURDAY_MORNING = Instant.parse("2026-11-28T02:00:00Z");

	@Test
	void peakWindowsAreBeijingWeekdayMorningsAndAfternoons() {
		assertThat(PeakHours.isPeak(WEDNESDAY_PEAK)).isTrue();
		assertThat(PeakHours.isPeak(WEDNESDAY_LUNCH)).isFalse();
		assertThat(PeakHours.isPeak(Instant.parse("2026-11-25T06:00:00Z"))).isTrue(); // 14:00
		assertThat(PeakHours.isPeak(Instant.parse("2026-11-25T10:00:00Z"))).isFalse(); // 18:00 end exclusive
		assertThat(PeakHours.isPeak(Instant.parse("2026-11-25T00:59:59Z"))).isFalse(); // 08:59:59
		assertThat(PeakHours.isPeak(SATURDAY_MORNING)).isFalse();
	}

	@Test
	void flashCostsAtPeakAndHalfOffPeak() {
		PriceTable prices = PriceTable.defaults();
		// 1M hit * 0.04 + 1M miss * 2 + 1M out * 8 = 10.04 CNY
		BigDecimal peak = prices.remoteCost("deepseek-flash", 1_000_000, 1_000_000, 1_000_000, WEDNESDAY_PEAK);
		assertThat(peak).isEqualByComparingTo("10.04");
		assertThat(prices.remoteCost("deepseek-flash", 1_000_000, 1_000_000, 1_000_000, SATURDAY_MORNING))
			.isEqualByComparingTo("5.02");
	}

	@Test
	void proPricesAndConfigurableEntries() {
		PriceTable prices = PriceTable.defaults();
		assertThat(prices.remoteCost("deepseek-v4-pro", 1_000_000, 0, 1_000_000, WEDNESDAY_PEAK))
			.isEqualByComparingTo("27.30");
		PriceTable custom = prices.withModel("my-model", ModelPrice.of("1", "1", "1"))
			.withLocalPrice(ModelPrice.of("0", "0.5", "1"));
		assertThat(custom.remoteCost("my-model", 500_000, 500_000, 0, WEDNESDAY_PEAK)).isEqualByComparingTo("1");
		assertThat(custom.localCost(2_000_000, 1_000_000)).isEqualByComparingTo("2");
		assertThat(prices.localCost(1_000_000, 1_000_000)).isEqualByComparingTo("0");
		// unknown models are priced like the fallback (flash)
		assertThat(prices.remoteCost("deepseek-new", 0, 1_000_000, 0, WEDNESDAY_PEAK)).isEqualByComparingTo("2");
	}

}
