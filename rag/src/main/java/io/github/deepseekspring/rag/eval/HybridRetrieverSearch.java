package io.github.deepseekspring.rag.eval;

import java.util.List;

import io.github.deepseekspring.rag.retrieval.HybridRetriever;
import io.github.deepseekspring.rag.retrieval.SearchMode;

/**
 * The knowledge base's own retrieval as the evaluation's {@link RankedSearch}, so what is measured is what is served,
 * coverage judgement included.
 */
public final class HybridRetrieverSearch implements RankedSearch {

	private final HybridRetriever retriever;

	public HybridRetrieverSearch(HybridRetriever retriever) {
		this.retriever = retriever;
	}

	@Override
	public List<RetrievedDocument> search(String query, EvalMode mode, int limit) {
		return this.retriever.search(query, limit, SearchMode.valueOf(mode.name()))
			.stream()
			.map((hit) -> new RetrievedDocument(hit.documentId(), hit.title(), hit.source()))
			.toList();
	}

	@Override
	public boolean covers(String query) {
		return this.retriever.retrieve(query, 1).covered();
	}

	@Override
	public boolean judgesCoverage() {
		return true;
	}

}
