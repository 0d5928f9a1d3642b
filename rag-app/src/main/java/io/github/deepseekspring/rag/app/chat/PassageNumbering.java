package io.github.deepseekspring.rag.app.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.deepseekspring.rag.retrieval.SearchHit;

/**
 * A turn's passages numbered for its prompt: a passage an earlier turn still in the prompt already showed keeps its
 * number and is not sent again; a new one gets the next free number. Numbers stay unique within the conversation, so
 * a citation {@code [n]} always resolves to one passage.
 *
 * @param numbered every passage in the prompt by number: the earlier turns', then this turn's new ones
 * @param relevant the numbers of the found passages, best first
 * @param earlier the numbers of found passages an earlier turn showed
 * @param fresh the found passages new in this turn, with their numbers
 * @param sent the new passages as stored with the question
 */
record PassageNumbering(Map<Integer, PassageRef> numbered, List<Integer> relevant, List<Integer> earlier,
		List<PromptTexts.Numbered> fresh, List<PassageRef> sent) {

	static PassageNumbering of(Map<Integer, PassageRef> shownBefore, List<SearchHit> found) {
		Map<Integer, PassageRef> numbered = new LinkedHashMap<>(shownBefore);
		int next = numbered.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
		List<Integer> relevant = new ArrayList<>();
		List<Integer> earlier = new ArrayList<>();
		List<PromptTexts.Numbered> fresh = new ArrayList<>();
		List<PassageRef> sent = new ArrayList<>();
		for (SearchHit hit : found) {
			Integer known = numberOf(shownBefore, hit.chunkId());
			if (known != null) {
				earlier.add(known);
				relevant.add(known);
				continue;
			}
			PassageRef passage = PassageRef.of(next++, hit);
			fresh.add(new PromptTexts.Numbered(passage.n(), hit));
			sent.add(passage);
			relevant.add(passage.n());
		}
		sent.forEach((passage) -> numbered.put(passage.n(), passage));
		return new PassageNumbering(Map.copyOf(numbered), List.copyOf(relevant), List.copyOf(earlier),
				List.copyOf(fresh), List.copyOf(sent));
	}

	/** The number a chunk has among the numbered passages, or null. */
	static Integer numberOf(Map<Integer, PassageRef> numbered, String chunkId) {
		for (PassageRef passage : numbered.values()) {
			if (passage.chunkId().equals(chunkId)) {
				return passage.n();
			}
		}
		return null;
	}

}
