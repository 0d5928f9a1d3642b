package io.github.deepseekspring.rag.app.agent;

import java.util.List;

import io.github.deepseekspring.rag.app.chat.InvalidMessageException;
import io.github.deepseekspring.rag.ingest.IngestionResult;
import io.github.deepseekspring.rag.retrieval.HybridRetriever;
import io.github.deepseekspring.rag.retrieval.SearchHit;
import io.github.deepseekspring.rag.retrieval.SearchMode;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The knowledge base from the inbox: passages to cite in a reply (the chat's own hybrid retrieval), and a reviewed
 * reply saved as an FAQ entry.
 */
@RestController
@RequestMapping("/api/agent")
class AgentKnowledgeController {

	private static final int MAX_QUERY = 500;

	private static final int MAX_K = 20;

	private static final int SNIPPET = 600;

	private final HybridRetriever retriever;

	private final FaqEntries faq;

	AgentKnowledgeController(HybridRetriever retriever, FaqEntries faq) {
		this.retriever = retriever;
		this.faq = faq;
	}

	@GetMapping("/passages")
	List<Passage> passages(@RequestParam(required = false) String q, @RequestParam(defaultValue = "5") int k) {
		if (q == null || q.isBlank()) {
			throw new InvalidMessageException("q (what to search for) is empty");
		}
		if (q.length() > MAX_QUERY) {
			throw new InvalidMessageException("q is longer than " + MAX_QUERY + " characters");
		}
		if (k < 1 || k > MAX_K) {
			throw new InvalidMessageException("k must be between 1 and " + MAX_K);
		}
		try {
			return this.retriever.search(q.strip(), k, SearchMode.HYBRID).stream().map(Passage::of).toList();
		}
		catch (RuntimeException ex) {
			throw new KnowledgeUnavailableException(ex);
		}
	}

	@PostMapping("/faq")
	@ResponseStatus(HttpStatus.CREATED)
	IngestionResult saveFaq(@RequestBody FaqRequest body, Authentication user) {
		return this.faq.save(body.question(), body.answer(), user.getName());
	}

	/**
	 * A reviewed question and answer for the FAQ.
	 *
	 * @param question the question, one line
	 * @param answer the answer, Markdown without headings
	 */
	record FaqRequest(String question, String answer) {

	}

	/**
	 * A passage found for the agent.
	 *
	 * @param documentId its document
	 * @param title the document's title
	 * @param headingPath the headings above it
	 * @param source file or URL
	 * @param snippet its text (the beginning, for long passages)
	 * @param score fused retrieval score
	 */
	record Passage(String documentId, String title, String headingPath, String source, String snippet,
			double score) {

		static Passage of(SearchHit hit) {
			String text = hit.text().strip();
			return new Passage(hit.documentId(), hit.title(), hit.headingPath(), hit.source(),
					(text.length() > SNIPPET) ? text.substring(0, SNIPPET) + "…" : text, hit.score());
		}

	}

}
