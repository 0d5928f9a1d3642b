package io.github.deepseekspring.rag.app.chat;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the customer chat.
 *
 * @param maxMessageLength longest customer message accepted, in characters (longer ones answer 400)
 * @param passages how many passages at most go into a prompt
 * @param minScore passages whose fused retrieval score (1 = ranked first by every search, 0 = last of every search's
 * candidates) is below this are not shown to the model, so weak passages cost no prompt tokens (default 0.2); whether
 * the knowledge base covers the question at all is the knowledge base's own judgement, calibrated per embedding model
 * @param faqMinSimilarity cosine similarity between the question and a knowledge base FAQ question (a heading
 * {@code Q: …}) from which the FAQ answer is returned as is, without a model call
 * @param historyTokenBudget estimated tokens of earlier turns sent with a new one; when exceeded the oldest whole turns
 * are dropped until half the budget is left, so that the prompt prefix then stays stable for many turns
 * @param thinking whether the model reasons before answering; the starter's default when unset
 * @param notCoveredSentinel what the model is told to answer, alone, when the passages do not cover the question
 * @param systemPromptZh system prompt for conversations that start in Chinese; the built-in one when unset
 * @param systemPromptEn system prompt for conversations that start in English; the built-in one when unset
 * @param englishMaxCjkRatio a question whose share of CJK characters among its letters is at most this is English
 * @param unansweredSimilarity cosine similarity from which two unanswered questions are grouped in the admin report
 * @param showReasoning whether customers see the model's reasoning (streamed as {@code reasoning} events, returned as
 * {@code reasoning}); off by default: it is no answer, it is not grounded in the passages and it tends to restate the
 * instructions. When on, it passes the same guard against repeating the system prompt as the answer
 * @param eventWindow answer and reasoning text streamed within this time after the last {@code token} or
 * {@code reasoning} event joins the next event, so a stream writes and flushes a few events a second instead of one
 * per model chunk (at thousands of streams the writes cost more CPU than anything else); the first event of an answer
 * goes out at once. Default 50 ms, which a reader does not notice; 0 sends every chunk as its own event
 */
@ConfigurationProperties("deepseek.rag.chat")
public record ChatProperties(Integer maxMessageLength, Integer passages, Double minScore,
		Double faqMinSimilarity,
		Integer historyTokenBudget, Boolean thinking, String notCoveredSentinel, String systemPromptZh,
		String systemPromptEn, Double englishMaxCjkRatio, Double unansweredSimilarity, Boolean showReasoning,
		Duration eventWindow) {

	public ChatProperties {
		maxMessageLength = (maxMessageLength != null) ? maxMessageLength : 2000;
		passages = (passages != null) ? passages : 5;
		minScore = (minScore != null) ? minScore : 0.2;
		faqMinSimilarity = (faqMinSimilarity != null) ? faqMinSimilarity : 0.9;
		historyTokenBudget = (historyTokenBudget != null) ? historyTokenBudget : 8000;
		notCoveredSentinel = (notCoveredSentinel != null) ? notCoveredSentinel : "[[NOT_COVERED]]";
		englishMaxCjkRatio = (englishMaxCjkRatio != null) ? englishMaxCjkRatio : 0.1;
		unansweredSimilarity = (unansweredSimilarity != null) ? unansweredSimilarity : 0.85;
		showReasoning = (showReasoning != null) ? showReasoning : Boolean.FALSE;
		eventWindow = (eventWindow != null) ? eventWindow : Duration.ofMillis(50);
	}

}
