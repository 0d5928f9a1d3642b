package io.github.deepseekspring.rag.app.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard shows for the last {@code days} days (UTC), from the stored conversations, feedback and tickets.
 *
 * @param days the period's length
 * @param from its first day
 * @param to its last day (today)
 * @param perDay one entry per day, oldest first (days without traffic included)
 * @param totals the period as a whole
 * @param topQuestions the most asked questions (normal form, count), most first
 * @param topUnanswered the most asked questions answered as not covered
 */
public record Analytics(int days, LocalDate from, LocalDate to, List<Day> perDay, Totals totals,
		List<Asked> topQuestions, List<Asked> topUnanswered) {

	/**
	 * One day.
	 *
	 * @param date the day
	 * @param questions answers given (one per question)
	 * @param modes answers by mode ({@code llm}, {@code faq}, {@code cache}, {@code not-covered},
	 * {@code retrieval-only})
	 * @param thumbsUp ratings up
	 * @param thumbsDown ratings down
	 * @param handoffs tickets opened
	 * @param conversations conversations started
	 * @param costCny model cost
	 * @param contextCacheHitRatio share of prompt tokens served from DeepSeek's context cache (null without calls)
	 * @param p95FirstTokenMs 95th percentile of the time to the first answer text (null without answers)
	 */
	public record Day(LocalDate date, long questions, Map<String, Long> modes, long thumbsUp, long thumbsDown,
			long handoffs, long conversations, BigDecimal costCny, Double contextCacheHitRatio,
			Long p95FirstTokenMs) {

	}

	/**
	 * The whole period.
	 *
	 * @param questions answers given
	 * @param modeShares share of each mode among them
	 * @param satisfaction ratings up among all ratings (null without ratings)
	 * @param handoffRate tickets per conversation started (null without conversations)
	 * @param costCny model cost
	 * @param contextCacheHitRatio share of prompt tokens from DeepSeek's context cache (null without calls)
	 * @param p95FirstTokenMs 95th percentile of the time to the first answer text
	 * @param answerCacheHits answers served from the answer cache
	 * @param answerCacheSavedCny what those model calls would have cost
	 */
	public record Totals(long questions, Map<String, Double> modeShares, Double satisfaction, Double handoffRate,
			BigDecimal costCny, Double contextCacheHitRatio, Long p95FirstTokenMs, long answerCacheHits,
			BigDecimal answerCacheSavedCny) {

	}

	/**
	 * A question and how often it was asked.
	 *
	 * @param question the most recent wording
	 * @param count how often
	 */
	public record Asked(String question, long count) {

	}

}
