package io.github.deepseekspring.rag.app.dashboard;

import java.io.IOException;
import java.io.Writer;

/** The dashboard's days as CSV (RFC 4180): one row a day, the columns of the charts. */
final class AnalyticsCsv {

	static final String HEADER = "date,questions,llm,faq,cache,not_covered,retrieval_only,thumbs_up,thumbs_down,"
			+ "handoffs,conversations,cost_cny,context_cache_hit_ratio,p95_first_token_ms";

	private AnalyticsCsv() {
	}

	static void write(Analytics analytics, Writer out) throws IOException {
		out.write(HEADER);
		out.write("\r\n");
		for (Analytics.Day day : analytics.perDay()) {
			StringBuilder row = new StringBuilder().append(day.date()).append(',').append(day.questions());
			for (String mode : AnalyticsQueries.MODES) {
				row.append(',').append(day.modes().getOrDefault(mode, 0L));
			}
			row.append(',').append(day.thumbsUp()).append(',').append(day.thumbsDown()).append(',')
				.append(day.handoffs()).append(',').append(day.conversations()).append(',')
				.append(day.costCny().toPlainString()).append(',')
				.append((day.contextCacheHitRatio() != null) ? day.contextCacheHitRatio() : "").append(',')
				.append((day.p95FirstTokenMs() != null) ? day.p95FirstTokenMs() : "");
			out.write(row.toString());
			out.write("\r\n");
		}
	}

}
