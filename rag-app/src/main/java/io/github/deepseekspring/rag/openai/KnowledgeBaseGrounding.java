package io.github.deepseekspring.rag.openai;

import java.util.ArrayList;
import java.util.List;

import io.github.deepseekspring.rag.retrieval.HybridRetriever;
import io.github.deepseekspring.rag.retrieval.SearchHit;
import io.github.deepseekspring.rag.retrieval.SearchMode;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.messages.SystemMessage;

/**
 * Grounds the {@code kb} model: retrieves passages for the last user message, puts them numbered in a system
 * message that tells the model to answer from them alone and cite them as [n], and renders the sources appended to
 * the answer.
 */
final class KnowledgeBaseGrounding {

	static final String NOT_COVERED = "The knowledge base has nothing on this question.";

	private static final String INSTRUCTIONS = """
			You are the customer-service assistant of this knowledge base. Answer only from the numbered passages \
			below; cite the passages you use as [n]. If they do not answer the question, say so plainly instead of \
			guessing. Answer in the language of the question.""";

	private final HybridRetriever retriever;

	private final int passages;

	KnowledgeBaseGrounding(HybridRetriever retriever, int passages) {
		this.retriever = retriever;
		this.passages = passages;
	}

	/** The passages for a question (empty when the question is blank or nothing matches). */
	List<SearchHit> retrieve(String question) {
		return question == null || question.isBlank() ? List.of()
				: this.retriever.search(question, this.passages, SearchMode.HYBRID);
	}

	/** The conversation with the client's system messages replaced by the grounding one. */
	static List<Message> grounded(List<Message> conversation, List<SearchHit> hits) {
		StringBuilder system = new StringBuilder(INSTRUCTIONS).append("\n\n");
		for (int i = 0; i < hits.size(); i++) {
			SearchHit hit = hits.get(i);
			system.append('[').append(i + 1).append("] ").append(hit.title());
			if (hit.headingPath() != null && !hit.headingPath().isBlank()) {
				system.append(" — ").append(hit.headingPath());
			}
			system.append('\n').append(hit.text().strip()).append("\n\n");
		}
		List<Message> messages = new ArrayList<>(conversation.size() + 1);
		messages.add(new SystemMessage(system.toString().strip()));
		conversation.stream().filter((m) -> m.getMessageType() != MessageType.SYSTEM).forEach(messages::add);
		return messages;
	}

	/** The sources as appended to an answer, or empty without hits. */
	static String citations(List<SearchHit> hits) {
		if (hits.isEmpty()) {
			return "";
		}
		StringBuilder text = new StringBuilder("\n\nSources:");
		for (int i = 0; i < hits.size(); i++) {
			SearchHit hit = hits.get(i);
			text.append("\n[").append(i + 1).append("] ").append(hit.title());
			if (hit.source() != null && !hit.source().isBlank()) {
				text.append(" (").append(hit.source()).append(')');
			}
		}
		return text.toString();
	}

	/** The answer without a model: the best passage, quoted. */
	static String retrievalOnly(List<SearchHit> hits) {
		if (hits.isEmpty()) {
			return NOT_COVERED;
		}
		return "The model is not available; the most relevant passage is [1]:\n\n" + hits.get(0).text().strip();
	}

}
