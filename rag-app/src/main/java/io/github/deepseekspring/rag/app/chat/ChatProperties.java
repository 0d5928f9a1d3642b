package io.github.deepseekspring.rag.app.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the customer chat.
 *
 * @param maxMessageLength longest customer message accepted, in characters (longer ones answer 400)
 * @param passages how many passages at most go into a prompt
 * @param minScore passages whose fused retrieval score (1 = ranked first by BM25 and vector search, 0.5 = first by one
 * of them only) is below this are not shown to the model; when none is left the question is answered as not covered
 * @param minSimilarity cosine similarity of the question to the closest passage below which the knowledge base does not
 * cover it (fused scores are ranks, and some passage always ranks first); with the bundled bge-small-zh model, in-domain
 * Chinese questions score about 0.78 and up, unrelated ones 0.70 and below
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
 */
@ConfigurationProperties("deepseek.rag.chat")
public record ChatProperties(Integer maxMessageLength, Integer passages, Double minScore, Double minSimilarity,
		Double faqMinSimilarity,
		Integer historyTokenBudget, Boolean thinking, String notCoveredSentinel, String systemPromptZh,
		String systemPromptEn, Double englishMaxCjkRatio, Double unansweredSimilarity, Boolean showReasoning) {

	public ChatProperties {
		maxMessageLength = (maxMessageLength != null) ? maxMessageLength : 2000;
		passages = (passages != null) ? passages : 5;
		minScore = (minScore != null) ? minScore : 0.45;
		minSimilarity = (minSimilarity != null) ? minSimilarity : 0.75;
		faqMinSimilarity = (faqMinSimilarity != null) ? faqMinSimilarity : 0.9;
		historyTokenBudget = (historyTokenBudget != null) ? historyTokenBudget : 8000;
		notCoveredSentinel = (notCoveredSentinel != null) ? notCoveredSentinel : "[[NOT_COVERED]]";
		englishMaxCjkRatio = (englishMaxCjkRatio != null) ? englishMaxCjkRatio : 0.1;
		unansweredSimilarity = (unansweredSimilarity != null) ? unansweredSimilarity : 0.85;
		showReasoning = (showReasoning != null) ? showReasoning : Boolean.FALSE;
	}

}
