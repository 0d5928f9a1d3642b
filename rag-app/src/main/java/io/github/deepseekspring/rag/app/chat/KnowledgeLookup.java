package io.github.deepseekspring.rag.app.chat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.deepseekspring.rag.embedding.Embedder;
import io.github.deepseekspring.rag.retrieval.HybridRetriever;
import io.github.deepseekspring.rag.retrieval.SearchHit;
import io.github.deepseekspring.rag.retrieval.SearchMode;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import io.github.deepseekspring.rag.store.StoreHit;
import io.github.deepseekspring.rag.text.ProductCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the passages for a question: hybrid retrieval and the chat's fused-score threshold, but none when even the
 * closest passage is not similar enough and the question names no product or error code found in them. A passage under an FAQ heading
 * ({@code Q: …}, {@code 问：…}) whose question is close enough to the customer's is returned as the FAQ answer.
 * When the knowledge store (or the embedding model) fails, the lookup says so instead of throwing: the chat then
 * tells the customer the knowledge base is temporarily unavailable and offers a human agent, and the next question
 * tries the store again (nothing to restart when it is back).
 */
public class KnowledgeLookup {

	private static final Logger logger = LoggerFactory.getLogger(KnowledgeLookup.class);

	private static final Pattern FAQ_HEADING = Pattern.compile("^(?:Q|问)\\s*[:：]\\s*(.+)$");

	private static final int FAQ_CANDIDATES = 3;

	private final HybridRetriever retriever;

	private final KnowledgeStore store;

	private final Embedder embeddings;

	private final ChatProperties properties;

	private final int candidates;

	private final Map<String, float[]> faqVectors = new ConcurrentHashMap<>();

	/**
	 * @param candidates how many nearest neighbours the similarity gate asks the store for (the retrieval's candidates)
	 */
	public KnowledgeLookup(HybridRetriever retriever, KnowledgeStore store, Embedder embeddings,
			ChatProperties properties, int candidates) {
		this.candidates = candidates;
		this.retriever = retriever;
		this.store = store;
		this.embeddings = embeddings;
		this.properties = properties;
	}

	/**
	 * @param question the customer's question
	 * @return passages above the threshold (best first), and the index of an FAQ passage among them that answers the
	 * question as is, or -1
	 */
	public Found find(String question) {
		try {
			return lookUp(question);
		}
		catch (RuntimeException ex) {
			logger.warn("The knowledge base could not be searched ({}); answering that it is unavailable",
					ex.toString());
			return Found.UNAVAILABLE;
		}
	}

	private Found lookUp(String question) {
		List<SearchHit> passages = this.retriever.search(question, this.properties.passages(), SearchMode.HYBRID)
			.stream()
			.filter((hit) -> hit.score() >= this.properties.minScore())
			.toList();
		if (!similarEnough(question) && !namesCodeOf(question, passages)) {
			return new Found(List.of(), -1);
		}
		float[] questionVector = null;
		for (int i = 0; i < Math.min(FAQ_CANDIDATES, passages.size()); i++) {
			String faqQuestion = faqQuestion(passages.get(i));
			if (faqQuestion == null) {
				continue;
			}
			if (questionVector == null) {
				questionVector = this.embeddings.embedPassages(List.of(question.strip())).get(0);
			}
			float[] faqVector = this.faqVectors.computeIfAbsent(faqQuestion,
					(text) -> this.embeddings.embedPassages(List.of(text)).get(0));
			if (dot(questionVector, faqVector) >= this.properties.faqMinSimilarity()) {
				return new Found(passages, i);
			}
		}
		return new Found(passages, -1);
	}

	private boolean similarEnough(String question) {
		// Approximate (HNSW) search: asked for few neighbours it can miss the nearest one; ask for as many as hybrid
		// retrieval does.
		List<StoreHit> closest = this.store.vectorSearch(this.embeddings.embedQuery(question), this.candidates);
		return closest.stream().mapToDouble(StoreHit::score).max().orElse(0) >= this.properties.minSimilarity();
	}

	/** Whether the question names a product or error code that a passage contains (short questions like "E-1023"). */
	private static boolean namesCodeOf(String question, List<SearchHit> passages) {
		for (String code : ProductCodes.in(question)) {
			String lower = code.toLowerCase(java.util.Locale.ROOT);
			for (SearchHit hit : passages) {
				if (hit.text().toLowerCase(java.util.Locale.ROOT).contains(lower)) {
					return true;
				}
			}
		}
		return false;
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

	private static double dot(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

	/**
	 * What the knowledge base has for a question.
	 *
	 * @param passages passages above the threshold, best first
	 * @param faqIndex index in passages of an FAQ answer to return as is, or -1
	 * @param unavailable whether the knowledge base could not be searched (passages are then empty)
	 */
	public record Found(List<SearchHit> passages, int faqIndex, boolean unavailable) {

		/** The knowledge base could not be searched. */
		public static final Found UNAVAILABLE = new Found(List.of(), -1, true);

		public Found(List<SearchHit> passages, int faqIndex) {
			this(passages, faqIndex, false);
		}

		public boolean covered() {
			return !this.passages.isEmpty();
		}

		public boolean faq() {
			return this.faqIndex >= 0;
		}

	}

}
