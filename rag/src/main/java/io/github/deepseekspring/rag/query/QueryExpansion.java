package io.github.deepseekspring.rag.query;

import java.util.List;

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

	/** The question alone. */
	static QueryExpansion none() {
		return (question, earlierQuestions) -> List.of(question);
	}

}
