package io.github.deepseekspring.rag.retrieval;

import java.util.Locale;

/** Which searches a query runs. */
public enum SearchMode {

	/** Keyword (BM25) search only. */
	BM25,
	/** Vector (kNN) search only. */
	VECTOR,
	/** Both, fused by reciprocal-rank fusion. */
	HYBRID;

	/** Parses {@code bm25}, {@code vector} or {@code hybrid}, any case. */
	public static SearchMode parse(String value) {
		try {
			return valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("mode must be one of hybrid, bm25, vector; was '" + value + "'");
		}
	}

	String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
