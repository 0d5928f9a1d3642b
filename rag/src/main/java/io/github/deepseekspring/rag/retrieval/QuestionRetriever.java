package io.github.deepseekspring.rag.retrieval;

import java.util.List;
import java.util.Optional;

import io.github.deepseekspring.rag.query.ConversationQueryExpansion;
import io.github.deepseekspring.rag.query.QueryExpansion;
import io.github.deepseekspring.rag.text.Language;

/**
 * Retrieval for a question asked in a conversation: searched by the offline wordings (the question, and with the
 * questions before it), and, when a model is configured, by the model's rewrite and translation where they are likely
 * to help: for follow-up questions, and for questions whose best passages are in the other language (an English
 * question over a Chinese knowledge base). A first question whose passages are in its own language costs no model
 * call.
 */
public final class QuestionRetriever {

	private final HybridRetriever retriever;

	private final QueryExpansion offline;

	private final QueryExpansion model;

	/** Offline only. */
	public QuestionRetriever(HybridRetriever retriever) {
		this(retriever, new ConversationQueryExpansion(), null);
	}

	/**
	 * @param retriever the hybrid retrieval
	 * @param offline the expansion every question gets
	 * @param model the model's expansion, or null for none
	 */
	public QuestionRetriever(HybridRetriever retriever, QueryExpansion offline, QueryExpansion model) {
		this.retriever = retriever;
		this.offline = offline;
		this.model = model;
	}

	/**
	 * @param question the question as asked
	 * @param earlierQuestions the conversation's earlier questions, oldest first
	 * @param limit the most passages
	 */
	public Retrieval retrieve(String question, List<String> earlierQuestions, int limit) {
		Retrieval retrieval = this.retriever.retrieve(this.offline.wordings(question, earlierQuestions), limit);
		if (this.model == null || !(!earlierQuestions.isEmpty() || otherLanguage(question, retrieval))) {
			return retrieval;
		}
		return this.retriever.retrieve(this.model.wordings(question, earlierQuestions), limit);
	}

	/**
	 * The question worded to stand alone, after {@link #retrieve} for it: the question itself when it is the first;
	 * a follow-up as the model rewrote it; empty for a follow-up without a rewrite (no model, or the model failed),
	 * which depends on the conversation.
	 */
	public Optional<String> standalone(String question, List<String> earlierQuestions) {
		if (earlierQuestions.isEmpty()) {
			return Optional.of(question);
		}
		return (this.model != null) ? this.model.standalone(question, earlierQuestions)
				: this.offline.standalone(question, earlierQuestions);
	}

	/**
	 * Whether most of the best passages, covered or not, are in another language than the question: then a
	 * translation can find what the question's own words cannot. An off-topic question with passages in its own
	 * language costs no model call.
	 */
	private static boolean otherLanguage(String question, Retrieval retrieval) {
		List<SearchHit> best = retrieval.passages().subList(0, Math.min(3, retrieval.passages().size()));
		if (best.isEmpty()) {
			return false;
		}
		Language language = Language.of(question);
		long other = best.stream().filter((hit) -> Language.of(hit.text()) != language).count();
		return other * 2 > best.size();
	}

}
