package io.github.deepseekspring.rag.retrieval;

import java.util.List;

import org.springframework.ai.document.Document;
import org.springframework.ai.rag.Query;
import org.springframework.ai.rag.retrieval.search.DocumentRetriever;
import org.springframework.util.Assert;

/**
 * The knowledge base as Spring AI's {@link DocumentRetriever}, for {@code RetrievalAugmentationAdvisor} and any other
 * consumer of that interface: hybrid search by default, the best {@code topK} passages above {@code minScore}, each a
 * {@link Document} carrying {@link KnowledgeMetadata} for citations. A query that names nothing searchable (blank)
 * retrieves nothing.
 */
public final class KnowledgeBaseRetriever implements DocumentRetriever {

	private final HybridRetriever retriever;

	private final int topK;

	private final SearchMode mode;

	private final double minScore;

	private KnowledgeBaseRetriever(Builder builder) {
		this.retriever = builder.retriever;
		this.topK = builder.topK;
		this.mode = builder.mode;
		this.minScore = builder.minScore;
	}

	public static Builder builder(HybridRetriever retriever) {
		return new Builder(retriever);
	}

	@Override
	public List<Document> retrieve(Query query) {
		Assert.notNull(query, "query must not be null");
		if (query.text() == null || query.text().isBlank()) {
			return List.of();
		}
		return this.retriever.search(query.text(), this.topK, this.mode)
			.stream()
			.filter((hit) -> hit.score() >= this.minScore)
			.map(SearchHit::toDocument)
			.toList();
	}

	/** Builds a {@link KnowledgeBaseRetriever}. */
	public static final class Builder {

		private final HybridRetriever retriever;

		private int topK = 5;

		private SearchMode mode = SearchMode.HYBRID;

		private double minScore;

		private Builder(HybridRetriever retriever) {
			Assert.notNull(retriever, "retriever must not be null");
			this.retriever = retriever;
		}

		/** How many passages at most (default 5). */
		public Builder topK(int topK) {
			Assert.isTrue(topK > 0, "topK must be at least 1");
			this.topK = topK;
			return this;
		}

		/** Which searches run (default hybrid). */
		public Builder mode(SearchMode mode) {
			Assert.notNull(mode, "mode must not be null");
			this.mode = mode;
			return this;
		}

		/** Passages under this fused score are left out (default 0: none). */
		public Builder minScore(double minScore) {
			this.minScore = minScore;
			return this;
		}

		public KnowledgeBaseRetriever build() {
			return new KnowledgeBaseRetriever(this);
		}

	}

}
