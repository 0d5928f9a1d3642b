package io.github.deepseekspring.rag.app.chat;

import io.github.deepseekspring.rag.retrieval.SearchHit;

/**
 * A passage as numbered in a conversation's prompts: what a citation of its number resolves to.
 *
 * @param n its number, unique within the conversation's prompt
 * @param chunkId the chunk's id
 * @param documentId the document's id
 * @param title the document's title
 * @param source file or URL the document came from
 * @param snippet the beginning of the passage
 */
public record PassageRef(int n, String chunkId, String documentId, String title, String source, String snippet) {

	static PassageRef of(int n, SearchHit hit) {
		return new PassageRef(n, hit.chunkId(), hit.documentId(), hit.title(), hit.source(),
				CannedAnswers.snippet(hit.text()));
	}

	Citation citation(int shown) {
		return new Citation(shown, this.documentId, this.title, this.source, this.snippet);
	}

}
