package io.github.deepseekspring.rag.app.chat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.deepseekspring.rag.embedding.Embedder;
import io.github.deepseekspring.rag.embedding.UnitVectors;
import io.github.deepseekspring.rag.embedding.VectorSpace;
import io.github.deepseekspring.rag.embedding.VectorSpaces;
import io.github.deepseekspring.rag.retrieval.QuestionRetriever;
import io.github.deepseekspring.rag.retrieval.Retrieval;
import io.github.deepseekspring.rag.retrieval.SearchHit;
import io.github.deepseekspring.rag.support.BoundedMaps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the passages for a question: the knowledge base's hybrid retrieval and its coverage judgement (calibrated per
 * embedding model), then the chat's fused-score threshold. A passage under an FAQ heading ({@code Q: …}, {@code 问：…})
 * whose question is close enough to the customer's, by the model of the customer's language, is returned as the FAQ
 * answer.
 * When the knowledge store (or the embedding model) fails, the lookup says so instead of throwing: the chat then
 * tells the customer the knowledge base is temporarily unavailable and offers a human agent, and the next question
 * tries the store again (nothing to restart when it is back).
 */
public class KnowledgeLookup {

	private static final Logger logger = LoggerFactory.getLogger(KnowledgeLookup.class);

	private static final Pattern FAQ_HEADING = Pattern.compile("^(?:Q|问)\\s*[:：]\\s*(.+)$");

	private static final int FAQ_CANDIDATES = 3;

	private static final int FAQ_VECTORS_KEPT = 10_000;

	private final QuestionRetriever retriever;

	private final VectorSpaces spaces;

	private final ChatProperties properties;

	/** FAQ questions grow with the knowledge base (agents save replies as FAQ entries): keep the ones asked lately. */
	private final Map<String, float[]> faqVectors = BoundedMaps.leastRecentlyUsed(FAQ_VECTORS_KEPT);

	public KnowledgeLookup(QuestionRetriever retriever, VectorSpaces spaces, ChatProperties properties) {
		this.retriever = retriever;
		this.spaces = spaces;
		this.properties = properties;
	}

	/**
	 * @param question the customer's question
	 * @param earlierQuestions the conversation's earlier questions, oldest first
	 * @return passages above the threshold (best first), and the index of an FAQ passage among them that answers the
	 * question as is, or -1
	 */
	public Found find(String question, List<String> earlierQuestions) {
		try {
			return lookUp(question, earlierQuestions);
		}
		catch (RuntimeException ex) {
			logger.warn("The knowledge base could not be searched ({}); answering that it is unavailable",
					ex.toString());
			return Found.UNAVAILABLE;
		}
	}

	private Found lookUp(String question, List<String> earlierQuestions) {
		Retrieval retrieval = this.retriever.retrieve(question, earlierQuestions, this.properties.passages());
		List<SearchHit> passages = retrieval.passages()
			.stream()
			.filter((hit) -> hit.score() >= this.properties.minScore())
			.toList();
		String standalone = this.retriever.standalone(question, earlierQuestions).orElse(null);
		if (!retrieval.covered() || passages.isEmpty()) {
			return new Found(List.of(), -1, false, standalone);
		}
		VectorSpace space = this.spaces.forQuery(question);
		Embedder embedder = space.embedder();
		float[] questionVector = null;
		for (int i = 0; i < Math.min(FAQ_CANDIDATES, passages.size()); i++) {
			String faqQuestion = faqQuestion(passages.get(i));
			if (faqQuestion == null) {
				continue;
			}
			if (questionVector == null) {
				questionVector = embedder.embedPassages(List.of(question.strip())).get(0);
			}
			float[] faqVector = faqVector(space, faqQuestion);
			if (UnitVectors.dot(questionVector, faqVector) >= this.properties.faqMinSimilarity()) {
				return new Found(passages, i, false, standalone);
			}
		}
		return new Found(passages, -1, false, standalone);
	}

	/** Embedded outside the map's lock, so questions of other customers never wait for this one's embedding. */
	private float[] faqVector(VectorSpace space, String faqQuestion) {
		String key = space.name() + "\n" + faqQuestion;
		float[] vector = this.faqVectors.get(key);
		if (vector == null) {
			vector = space.embedder().embedPassages(List.of(faqQuestion)).get(0);
			this.faqVectors.put(key, vector);
		}
		return vector;
	}

	/** The question of an FAQ passage (its last heading without the {@code Q:}), or null. */
	static String faqQuestion(SearchHit hit) {
		if (hit.headingPath() == null) {
			return null;
		}
		String[] headings = hit.headingPath().split(" > ");
		Matcher faq = FAQ_HEADING.matcher(headings[headings.length - 1].strip());
		return faq.matches() ? faq.group(1).strip() : null;
	}

	/**
	 * What the knowledge base has for a question.
	 *
	 * @param passages passages above the threshold, best first
	 * @param faqIndex index in passages of an FAQ answer to return as is, or -1
	 * @param unavailable whether the knowledge base could not be searched (passages are then empty)
	 * @param standalone the question worded to stand alone (a follow-up as the model rewrote it), or null for a
	 * follow-up that depends on the conversation
	 */
	public record Found(List<SearchHit> passages, int faqIndex, boolean unavailable, String standalone) {

		/** The knowledge base could not be searched. */
		public static final Found UNAVAILABLE = new Found(List.of(), -1, true, null);

		public Found(List<SearchHit> passages, int faqIndex) {
			this(passages, faqIndex, false, null);
		}

		public boolean covered() {
			return !this.passages.isEmpty();
		}

		public boolean faq() {
			return this.faqIndex >= 0;
		}

	}

}
