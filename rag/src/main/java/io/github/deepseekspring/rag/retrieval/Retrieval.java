package io.github.deepseekspring.rag.retrieval;

import java.util.List;

/**
 * What the knowledge base has for a question.
 *
 * @param passages the best passages, best first, found whether or not the knowledge base covers the question
 * @param covered whether the knowledge base covers the question at all (see {@link HybridRetriever#retrieve}); a
 * caller answers from the passages only when it does
 */
public record Retrieval(List<SearchHit> passages, boolean covered) {

	public Retrieval {
		passages = List.copyOf(passages);
	}

}
