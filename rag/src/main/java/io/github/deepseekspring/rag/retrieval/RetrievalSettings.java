package io.github.deepseekspring.rag.retrieval;

import java.util.EnumMap;
import java.util.Map;

import io.github.deepseekspring.rag.text.Language;

/**
 * How hybrid retrieval fuses its searches.
 *
 * @param bm25Weights the share of the keyword ranking in the fused score, by the question's language (the vector
 * ranking has the rest); a language without an entry uses {@link #DEFAULT_BM25_WEIGHT}
 * @param minScore hits below this fused score are dropped; 1 means ranked first by every search that ran
 * @param candidates how many hits each search contributes to the fusion
 */
public record RetrievalSettings(Map<Language, Double> bm25Weights, double minScore, int candidates) {

	/** The keyword share for a language without its own. */
	public static final double DEFAULT_BM25_WEIGHT = 0.3;

	public RetrievalSettings {
		bm25Weights.forEach((language, weight) -> {
			if (weight < 0 || weight > 1) {
				throw new IllegalArgumentException("the bm25 weight of " + language + " must be between 0 and 1, was "
						+ weight);
			}
		});
		bm25Weights = Map.copyOf(bm25Weights);
		if (candidates < 1) {
			throw new IllegalArgumentException("candidates must be at least 1, was " + candidates);
		}
	}

	/**
	 * The defaults, measured on the development sets (BENCHMARKS.md): keywords weigh 0.4 for Chinese questions,
	 * where character-bigram BM25 is strong next to a small Chinese model, and 0.1 for English ones, where the English
	 * model is far ahead of unstemmed keywords; no threshold; 40 candidates per search.
	 */
	public static RetrievalSettings defaults() {
		Map<Language, Double> weights = new EnumMap<>(Language.class);
		weights.put(Language.ZH, 0.4);
		weights.put(Language.EN, 0.1);
		return new RetrievalSettings(weights, 0.0, 40);
	}

	/** The keyword share for a question in {@code language}. */
	public double bm25Weight(Language language) {
		return this.bm25Weights.getOrDefault(language, DEFAULT_BM25_WEIGHT);
	}

}
