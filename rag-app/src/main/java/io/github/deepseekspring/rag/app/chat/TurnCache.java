package io.github.deepseekspring.rag.app.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.deepseekspring.model.privacy.PiiDetector;
import io.github.deepseekspring.rag.app.cache.AnswerCache;
import io.github.deepseekspring.rag.app.cache.CacheEntryDraft;
import io.github.deepseekspring.rag.app.cache.CacheHit;
import io.github.deepseekspring.rag.app.cache.CacheQuery;
import io.github.deepseekspring.rag.retrieval.SearchHit;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chat's side of the answer cache: which turns may use it, and the translation between a cached answer (its
 * citations numbered 1, 2, …) and the passage numbers of the conversation it is served in. Never cached nor served
 * from the cache: questions with photos or personal data, and follow-ups that depend on the conversation (those the
 * model did not rewrite to stand alone). Only answers to questions that stood alone as asked are stored; a follow-up
 * rewritten to stand alone may be served one.
 */
class TurnCache {

	private static final Pattern SHOWN = Pattern.compile("\\[(\\d+)]");

	private final AnswerCache cache;

	private final PiiDetector pii;

	private final JsonMapper json;

	TurnCache(AnswerCache cache, PiiDetector pii, JsonMapper json) {
		this.cache = cache;
		this.pii = pii;
		this.json = json;
	}

	/** The cached answer as this turn's outcome, or null. */
	Outcome find(Turn turn) {
		if (!usable(turn)) {
			return null;
		}
		Set<String> retrieved = turn.found().passages().stream().map(SearchHit::chunkId).collect(Collectors.toSet());
		CacheHit hit = this.cache.find(new CacheQuery(turn.found().standalone(), turn.language().name(), retrieved))
			.orElse(null);
		if (hit == null) {
			return null;
		}
		Map<Integer, Integer> numbers = new HashMap<>();
		for (int i = 0; i < hit.citedChunks().size(); i++) {
			Integer number = PassageNumbering.numberOf(turn.numbered(), hit.citedChunks().get(i));
			if (number == null) {
				return null;
			}
			numbers.put(i + 1, number);
		}
		// The conversation's history keeps the answer with the conversation's own passage numbers.
		Matcher shown = SHOWN.matcher(hit.answer());
		StringBuilder modelText = new StringBuilder();
		while (shown.find()) {
			Integer number = numbers.get(Integer.parseInt(shown.group(1)));
			shown.appendReplacement(modelText, (number != null) ? "[" + number + "]" : "");
		}
		shown.appendTail(modelText);
		CitationNumbers renumber = new CitationNumbers(turn.numbered().keySet());
		String answer = renumber.rewrite(modelText.toString());
		return new Outcome(ChatMode.CACHE, modelText.toString(), answer, renumber.cited(), null, null, hit);
	}

	/** After the turn was stored: counts a use of the entry served, or remembers a model answer that may be. */
	void remember(Turn turn, Outcome outcome, List<Citation> citations, String answerId) {
		if (outcome.cached() != null) {
			this.cache.served(outcome.cached(), answerId);
			return;
		}
		if (outcome.mode() != ChatMode.LLM || outcome.cited().isEmpty() || !usable(turn)
				|| !AnswerCache.sameQuestion(turn.found().standalone(), turn.question())
				|| this.pii.containsPii(outcome.answer())) {
			return;
		}
		List<String> chunks = new ArrayList<>();
		List<String> documents = new ArrayList<>();
		for (int number : outcome.cited()) {
			PassageRef passage = turn.numbered().get(number);
			chunks.add(passage.chunkId());
			if (!documents.contains(passage.documentId())) {
				documents.add(passage.documentId());
			}
		}
		this.cache.put(new CacheEntryDraft(turn.found().standalone(), turn.language().name(), outcome.answer(),
				this.json.writeValueAsString(citations), chunks, documents,
				(outcome.usage() != null) ? outcome.usage().costCny() : null));
	}

	private boolean usable(Turn turn) {
		return this.cache.enabled() && turn.photos().isEmpty() && turn.found().standalone() != null
				&& !this.pii.containsPii(turn.question()) && !this.pii.containsPii(turn.found().standalone());
	}

}
