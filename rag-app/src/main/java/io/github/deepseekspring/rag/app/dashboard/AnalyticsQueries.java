package io.github.deepseekspring.rag.app.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Computes {@link Analytics} from the tables the chat already writes: answers (mode, tokens, cost, time to the first
 * text), feedback, tickets, conversations and the answer cache's uses. Rows are bucketed by UTC day here rather than
 * in SQL, so the same code runs on H2 and PostgreSQL.
 */
public class AnalyticsQueries {

	/** The modes every chart shows, even at zero. */
	static final List<String> MODES = List.of("llm", "faq", "cache", "not-covered", "retrieval-only");

	private static final int TOP = 10;

	private final JdbcClient jdbc;

	private final Clock clock;

	public AnalyticsQueries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Analytics analytics(int days) {
		LocalDate to = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		LocalDate from = to.minusDays(days - 1L);
		OffsetDateTime since = from.atStartOfDay().atOffset(ZoneOffset.UTC);
		Map<LocalDate, Bucket> buckets = new TreeMap<>();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			buckets.put(day, new Bucket());
		}
		this.jdbc.sql("""
				select created_at, mode, prompt_tokens, cache_hit_tokens, cost_cny, first_token_ms from message
				where role = 'assistant' and created_at >= ?""")
			.param(since)
			.query((rs) -> {
				Bucket bucket = buckets.get(day(rs.getObject(1, OffsetDateTime.class)));
				if (bucket != null) {
					bucket.answer(rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5),
							(Long) rs.getObject(6, Long.class));
				}
			});
		count(buckets, "select created_at, rating from feedback where created_at >= ?", since,
				(bucket, value) -> bucket.rating(value));
		count(buckets, "select created_at, status from ticket where created_at >= ?", since,
				(bucket, value) -> bucket.handoffs++);
		count(buckets, "select created_at, language from conversation where created_at >= ?", since,
				(bucket, value) -> bucket.conversations++);
		List<Analytics.Day> perDay = new ArrayList<>();
		Bucket all = new Bucket();
		buckets.forEach((day, bucket) -> {
			perDay.add(bucket.day(day));
			all.add(bucket);
		});
		Map<String, Object> saved = this.jdbc
			.sql("select count(*) as hits, coalesce(sum(saved_cost_cny), 0) as saved from answer_cache_use "
					+ "where created_at >= ?")
			.param(since)
			.query()
			.singleRow();
		return new Analytics(days, from, to, perDay, all.totals(((Number) saved.get("hits")).longValue(),
				(BigDecimal) saved.get("saved")), asked(since, false), asked(since, true));
	}

	private void count(Map<LocalDate, Bucket> buckets, String sql, OffsetDateTime since,
			java.util.function.BiConsumer<Bucket, String> add) {
		this.jdbc.sql(sql).param(since).query((rs) -> {
			Bucket bucket = buckets.get(day(rs.getObject(1, OffsetDateTime.class)));
			if (bucket != null) {
				add.accept(bucket, rs.getString(2));
			}
		});
	}

	/** The most asked questions (by normal form), or those answered as not covered. */
	private List<Analytics.Asked> asked(OffsetDateTime since, boolean unanswered) {
		Map<String, Analytics.Asked> counts = new LinkedHashMap<>();
		this.jdbc.sql("""
				select q.content from message a
				join message q on q.conversation_id = a.conversation_id and q.seq = a.seq - 1
				where a.role = 'assistant' and a.created_at >= ? and (? = false or a.mode = 'not-covered')
				order by a.created_at desc""")
			.params(since, unanswered)
			.query(String.class)
			.list()
			.forEach((question) -> counts.merge(question.strip().toLowerCase(Locale.ROOT),
					new Analytics.Asked(question.strip(), 1),
					(known, again) -> new Analytics.Asked(known.question(), known.count() + 1)));
		return counts.values()
			.stream()
			.sorted((a, b) -> Long.compare(b.count(), a.count()))
			.limit(TOP)
			.toList();
	}

	private static LocalDate day(OffsetDateTime at) {
		return at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
	}

	/** One day's counts while they are added up. */
	private static final class Bucket {

		final Map<String, Long> modes = new LinkedHashMap<>();

		long questions;

		long up;

		long down;

		long handoffs;

		long conversations;

		long promptTokens;

		long cacheHitTokens;

		BigDecimal cost = BigDecimal.ZERO;

		final List<Long> firstTokens = new ArrayList<>();

		Bucket() {
			MODES.forEach((mode) -> this.modes.put(mode, 0L));
		}

		void answer(String mode, long prompt, long hit, BigDecimal costCny, Long firstToken) {
			this.questions++;
			this.modes.merge((mode != null) ? mode : "llm", 1L, Long::sum);
			this.promptTokens += prompt;
			this.cacheHitTokens += hit;
			if (costCny != null) {
				this.cost = this.cost.add(costCny);
			}
			if (firstToken != null) {
				this.firstTokens.add(firstToken);
			}
		}

		void rating(String rating) {
			if ("up".equals(rating)) {
				this.up++;
			}
			else {
				this.down++;
			}
		}

		void add(Bucket other) {
			this.questions += other.questions;
			other.modes.forEach((mode, count) -> this.modes.merge(mode, count, Long::sum));
			this.up += other.up;
			this.down += other.down;
			this.handoffs += other.handoffs;
			this.conversations += other.conversations;
			this.promptTokens += other.promptTokens;
			this.cacheHitTokens += other.cacheHitTokens;
			this.cost = this.cost.add(other.cost);
			this.firstTokens.addAll(other.firstTokens);
		}

		Analytics.Day day(LocalDate date) {
			return new Analytics.Day(date, this.questions, Map.copyOf(this.modes), this.up, this.down, this.handoffs,
					this.conversations, this.cost.stripTrailingZeros(), hitRatio(), p95());
		}

		Analytics.Totals totals(long cacheHits, BigDecimal saved) {
			Map<String, Double> shares = new LinkedHashMap<>();
			this.modes.forEach((mode, count) -> shares.put(mode, ratio(count, this.questions)));
			return new Analytics.Totals(this.questions, shares, ratio(this.up, this.up + this.down),
					ratio(this.handoffs, this.conversations), this.cost.stripTrailingZeros(), hitRatio(), p95(),
					cacheHits, (saved != null) ? saved.stripTrailingZeros() : BigDecimal.ZERO);
		}

		private Double hitRatio() {
			return ratio(this.cacheHitTokens, this.promptTokens);
		}

		private Long p95() {
			if (this.firstTokens.isEmpty()) {
				return null;
			}
			long[] sorted = this.firstTokens.stream().mapToLong(Long::longValue).toArray();
			Arrays.sort(sorted);
			return sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
		}

		private static Double ratio(long part, long whole) {
			return (whole == 0) ? null
					: BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP).doubleValue();
		}

	}

}
