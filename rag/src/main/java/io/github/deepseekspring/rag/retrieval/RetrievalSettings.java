package io.github.deepseekspring.rag.retrieval;

/**
 * How hybrid retrieval fuses its searches.
 *
 * @param rrfK the k of reciprocal-rank fusion: higher flattens the advantage of top ranks
 * @param bm25Weight weight of the keyword ranking in the fusion
 * @param vectorWeight weight of the vector ranking in the fusion
 * @param minScore hits below this fused score are dropped; the score is normalised so that 1 means ranked first by
 * every search that ran
 * @param candidates how many hits each search contributes to the fusion
 */
public record RetrievalSettings(int rrfK, double bm25Weight, double vectorWeight, double minScore, int candidates) {

	public RetrievalSettings {
		requirePositive("rrfK", rrfK);
		requirePositive("candidates", candidates);
		if (bm25Weight < 0 || vectorWeight < 0 || bm25Weight + vectorWeight == 0) {
			throw new IllegalArgumentException("weights must not be negative, and not both zero");
		}
	}

	/** The defaults: k 60, equal weights, no threshold, 40 candidates per search. */
	public static RetrievalSettings defaults() {
		return new RetrievalSettings(60, 1.0, 1.0, 0.0, 40);
	}

	private static void requirePositive(String name, int value) {
		if (value < 1) {
			throw new IllegalArgumentException(name + " must be at least 1, was " + value);
		}
	}

}
