package io.github.deepseekspring.rag.retrieval;

import java.util.ArrayList;
import java.util.List;

import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.document.Document;
import org.springframework.ai.rag.Query;
import org.springframework.ai.rag.retrieval.search.DocumentRetriever;
import org.springframework.util.Assert;

/**
 * The knowledge base as Spring AI's {@link DocumentRetriever}, for {@code RetrievalAugmentationAdvisor} and any other
 * consumer of that interface: the best {@code topK} passages above {@code minScore}, each a {@link Document} carrying
 * {@link KnowledgeMetadata} for citations. Hybrid retrieval takes the query's history into account (a follow-up is
 * also searched with the user's earlier messages, see {@link QuestionRetriever}) and returns nothing when the
 * knowledge base does not cover the question; a single search mode ({@code bm25}, {@code vector}) searches the query's
 * text alone. A blank query retrieves nothing.
 */
public final class KnowledgeBaseRetriever implements DocumentRetriever {

	private final HybridRetriever retriever;

	private final QuestionRetriever questions;

	private final int topK;

	private final SearchMode mode;

	private final double minScore;

	private KnowledgeBaseRetriever(Builder builder) {
		this.retriever = builder.retriever;
		this.questions = (builder.questions != null) ? builder.questions : new QuestionRetriever(builder.retriever);
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
		List<SearchHit> hits = (this.mode == SearchMode.HYBRID) ? covered(query)
				: this.retriever.search(query.text(), this.topK, this.mode);
		return hits.stream().filter((hit) -> hit.score() >= this.minScore).map(SearchHit::toDocument).toList();
	}

	private List<SearchHit> covered(Query query) {
		Retrieval retrieval = this.questions.retrieve(query.text(), earlierQuestions(query), this.topK);
		return retrieval.covered() ? retrieval.passages() : List.of();
	}

	/**
	 * The user's earlier messages of the query's history, oldest first. RetrievalAugmentationAdvisor's history is the
	 * whole prompt, the question itself last: that one is not earlier.
	 */
	private static List<String> earlierQuestions(Query query) {
		List<String> questions = new ArrayList<>(query.history()
			.stream()
			.filter(UserMessage.class::isInstance)
			.map(Message::getText)
			.filter((text) -> text != null && !text.isBlank())
			.toList());
		if (!questions.isEmpty() && questions.get(questions.size() - 1).strip().equals(query.text().strip())) {
			questions.remove(questions.size() - 1);
		}
		return questions;
	}

	/** Builds a {@link KnowledgeBaseRetriever}. */
	public static final class Builder {

		private final HybridRetriever retriever;

		private QuestionRetriever questions;

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

		/** How questions are worded for the search (default: offline, with the conversation's earlier questions). */
		public Builder questions(QuestionRetriever questions) {
			this.questions = questions;
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
