package io.github.deepseekspring.model.cost;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * DeepSeek's peak-price windows: Beijing time, Monday to Friday, 09:00–12:00 and 14:00–18:00 (start inclusive, end
 * exclusive).
 */
public final class PeakHours {

	/**
	 * Beijing time. China has kept UTC+8 without daylight saving since 1991, so the fixed offset is exact for every
	 * instant priced here, and unlike {@code ZoneId.of("Asia/Shanghai")} it does not load the time-zone database
	 * (about 50 ms in a fresh JVM, paid by the first priced or cost-aware routed request).
	 */
	public static final ZoneId BEIJING = ZoneOffset.ofHours(8);

	private static final LocalTime[][] WINDOWS = { { LocalTime.of(9, 0), LocalTime.of(12, 0) },
			{ LocalTime.of(14, 0), LocalTime.of(18, 0) } };

	private PeakHours() {
	}

	/** Whether the instant falls in a peak-price window. */
	public static boolean isPeak(Instant instant) {
		ZonedDateTime beijing = instant.atZone(BEIJING);
		DayOfWeek day = beijing.getDayOfWeek();
		if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
			return false;
		}
		LocalTime time = beijing.toLocalTime();
		for (LocalTime[] window : WINDOWS) {
			if (!time.isBefore(window[0]) && time.isBefore(window[1])) {
				return true;
			}
		}
		return false;
	}

}
