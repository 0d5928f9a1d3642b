package io.github.deepseekspring.rag.app.chat;

import java.util.ArrayList;
import java.util.List;

import io.github.deepseekspring.rag.app.conversation.TokenUsage;

/**
 * How a turn is answered: without the model when the knowledge base decides it (unavailable, not covered, an FAQ
 * answer, a cached answer), from the model's text otherwise (its citations renumbered, the not-covered sentinel and a
 * repeated system prompt recognised), and the labelled fallbacks when the model is away or cannot see the photos.
 */
class TurnOutcomes {

	private static final int RETRIEVAL_ONLY_PASSAGES = 3;

	private final PromptTexts texts;

	private final ChatProperties properties;

	private final TurnCache cache;

	TurnOutcomes(PromptTexts texts, ChatProperties properties, TurnCache cache) {
		this.texts = texts;
		this.properties = properties;
		this.cache = cache;
	}

	/** The outcome decided without the model, or null when the model should answer. */
	Outcome withoutModel(Turn turn) {
		if (turn.found().unavailable()) {
			return knowledgeBaseUnavailable(turn);
		}
		if (!turn.found().covered()) {
			return notCovered(turn);
		}
		return turn.found().faq() ? faq(turn) : this.cache.find(turn);
	}

	/**
	 * The model's answer; not covered when it answered with the sentinel, or when it repeats the system prompt (an
	 * injection that succeeded must not show the customer the instructions).
	 */
	Outcome fromModel(Turn turn, String modelText, String reasoning, TokenUsage usage) {
		if (modelText == null || modelText.isBlank() || isNotCovered(modelText) || leakGuard(turn).leaks(modelText)) {
			return new Outcome(ChatMode.NOT_COVERED, (modelText != null) ? modelText : "",
					CannedAnswers.notCovered(turn.language()), List.of(), reasoning, usage);
		}
		CitationNumbers numbers = new CitationNumbers(turn.numbered().keySet());
		String answer = numbers.rewrite(modelText);
		return new Outcome(ChatMode.LLM, modelText, answer, numbers.cited(), reasoning, usage);
	}

	/** The guard against repeating the system prompt of the turn's conversation. */
	SystemPromptLeak leakGuard(Turn turn) {
		return this.texts.leakGuard(turn.conversation().systemPrompt());
	}

	/** Whether customers see reasoning at all ({@link ChatProperties#showReasoning()}). */
	boolean showReasoning() {
		return this.properties.showReasoning();
	}

	/**
	 * The reasoning the customer may see: only when shown at all, only with a model answer that was shown (never
	 * with a blocked one), and only when it does not repeat the system prompt itself.
	 */
	String visibleReasoning(Turn turn, Outcome outcome) {
		if (!showReasoning() || outcome.mode() != ChatMode.LLM || outcome.reasoning() == null
				|| leakGuard(turn).leaks(outcome.reasoning())) {
			return null;
		}
		return outcome.reasoning();
	}

	boolean isNotCovered(String modelText) {
		return modelText.contains(this.properties.notCoveredSentinel());
	}

	/** Whether the start of a streamed answer may still turn out to be the not-covered sentinel. */
	boolean couldBeNotCovered(String start) {
		String sentinel = this.properties.notCoveredSentinel();
		return (start.length() < sentinel.length()) ? sentinel.startsWith(start) : start.startsWith(sentinel);
	}

	/** The FAQ answer as the knowledge base has it. */
	Outcome faq(Turn turn) {
		int index = turn.found().faqIndex();
		String modelText = turn.found().passages().get(index).text().strip() + " [" + turn.relevant().get(index) + "]";
		CitationNumbers numbers = new CitationNumbers(turn.numbered().keySet());
		return new Outcome(ChatMode.FAQ, modelText, numbers.rewrite(modelText), numbers.cited(), null, null);
	}

	/** Nothing passed the threshold. */
	Outcome notCovered(Turn turn) {
		return handedOver(CannedAnswers.notCovered(turn.language()));
	}

	/** The model is away or failed: the best passages, labelled. */
	Outcome retrievalOnly(Turn turn) {
		int count = Math.min(RETRIEVAL_ONLY_PASSAGES, turn.found().passages().size());
		List<PromptTexts.Numbered> best = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			best.add(new PromptTexts.Numbered(turn.relevant().get(i), turn.found().passages().get(i)));
		}
		String modelText = CannedAnswers.retrievalOnly(turn.language(), best);
		CitationNumbers numbers = new CitationNumbers(turn.numbered().keySet());
		return new Outcome(ChatMode.RETRIEVAL_ONLY, modelText, numbers.rewrite(modelText), numbers.cited(), null, null);
	}

	/**
	 * The knowledge base could not be searched: no model call (it would answer without passages), a clear
	 * "temporarily unavailable" and the offer of a human agent. The mode is not-covered, so clients offer the handoff
	 * as they do for a question the knowledge base does not cover.
	 */
	Outcome knowledgeBaseUnavailable(Turn turn) {
		return handedOver(CannedAnswers.knowledgeBaseUnavailable(turn.language()));
	}

	/**
	 * The question came with photos that no reachable model can see: said so, with a human agent offered (mode
	 * not-covered, as clients offer the handoff for it), never answered as if there were no photos.
	 */
	Outcome photosUnreadable(Turn turn) {
		return handedOver(CannedAnswers.photosUnreadable(turn.language()));
	}

	/** A canned answer without the model, in mode not-covered: the sentinel in the history, a human agent offered. */
	private Outcome handedOver(String answer) {
		return new Outcome(ChatMode.NOT_COVERED, this.properties.notCoveredSentinel(), answer, List.of(), null, null);
	}

}
