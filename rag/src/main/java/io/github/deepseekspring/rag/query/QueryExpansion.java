package io.github.deepseekspring.rag.query;

import java.util.List;
import java.util.Optional;

/**
 * The wordings a question is searched by: the question as asked first, then others that help find its passages, such
 * as the question with the conversation it follows ("那 BE7200 呢？" after a question about YF-AX3000's warranty) or its
 * translation into the knowledge base's other language. Hybrid retrieval searches them all and averages the scores.
 */
@FunctionalInterface
public interface QueryExpansion {

	/**
	 * @param question the question as asked
	 * @param earlierQuestions the conversation's earlier questions, oldest first (empty for a first question)
	 * @return the wordings to search, the question itself first
	 */
	List<String> wordings(String question, List<String> earlierQuestions);

	/**
	 * The question worded to stand alone, as far as this expansion knows it: the question itself when it has no
	 * earlier questions; for a follow-up, empty unless the expansion rewrote it (a follow-up such as "那它呢？" means
	 * nothing without the conversation, so a caller must not treat it as a question of its own). Call it after
	 * {@link #wordings} for the same question; it never asks a model by itself.
	 * @param question the question as asked
	 * @param earlierQuestions the conversation's earlier questions, oldest first
	 */
	default Optional<String> standalone(String question, List<String> earlierQuestions) {
		return earlierQuestions.isEmpty() ? Optional.of(question) : Optional.empty();
	}

	/** The question alone. */
	static QueryExpansion none() {
		return (question, earlierQuestions) -> List.of(question);
	}

}
