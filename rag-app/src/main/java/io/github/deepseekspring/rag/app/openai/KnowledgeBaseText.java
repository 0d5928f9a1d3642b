package io.github.deepseekspring.rag.app.openai;

import java.util.List;

import io.github.deepseekspring.rag.app.chat.CitationNumbers;
import io.github.deepseekspring.rag.app.chat.Language;
import io.github.deepseekspring.rag.retrieval.SearchHit;

/**
 * The knowledge-base answer's text: citations renumbered as the chat does (cited passages 1, 2, … in order of first
 * citation), the not-covered sentinel replaced by a plain answer (a stream holds its start back until it cannot be
 * the sentinel any more), and the cited sources appended. One per answer; not thread-safe.
 */
final class KnowledgeBaseText implements AnswerText {

	private final List<SearchHit> passages;

	private final Language language;

	private final String sentinel;

	private final CitationNumbers numbers;

	private final StringBuilder start = new StringBuilder();

	private boolean decided;

	private boolean notCovered;

	KnowledgeBaseText(List<SearchHit> passages, Language language, String sentinel) {
		this.passages = passages;
		this.language = language;
		this.sentinel = sentinel;
		this.numbers = new CitationNumbers(passages.size());
	}

	static String notCovered(Language language) {
		return (language == Language.EN) ? "The knowledge base does not cover this question."
				: "抱歉，知识库中没有这个问题的答案。";
	}

	@Override
	public String piece(String text) {
		if (this.notCovered) {
			return "";
		}
		if (!this.decided) {
			this.start.append(text);
			String begun = this.start.toString().stripLeading();
			boolean couldBeSentinel = (begun.length() < this.sentinel.length()) ? this.sentinel.startsWith(begun)
					: begun.startsWith(this.sentinel);
			if (couldBeSentinel) {
				this.notCovered = begun.length() >= this.sentinel.length();
				this.decided = this.notCovered;
				return "";
			}
			this.decided = true;
			text = this.start.toString();
		}
		return this.numbers.accept(text);
	}

	@Override
	public String end() {
		if (!this.decided) {
			String begun = this.start.toString().strip();
			this.decided = true;
			this.notCovered = begun.isEmpty();
			if (!this.notCovered) {
				return this.numbers.accept(begun) + this.numbers.finish() + sources();
			}
		}
		if (this.notCovered) {
			return notCovered(this.language);
		}
		return this.numbers.finish() + sources();
	}

	@Override
	public String whole(String text) {
		if (text == null || text.isBlank() || text.contains(this.sentinel)) {
			this.notCovered = true;
			this.decided = true;
			return notCovered(this.language);
		}
		return this.numbers.rewrite(text) + sources();
	}

	/** The cited passages, numbered as cited, or empty when none was. */
	private String sources() {
		List<Integer> cited = this.numbers.cited();
		if (cited.isEmpty()) {
			return "";
		}
		StringBuilder text = new StringBuilder((this.language == Language.EN) ? "\n\nSources:" : "\n\n来源：");
		for (int i = 0; i < cited.size(); i++) {
			SearchHit hit = this.passages.get(cited.get(i) - 1);
			text.append("\n[").append(i + 1).append("] ").append(hit.title());
			if (hit.source() != null && !hit.source().isBlank()) {
				text.append(" (").append(hit.source()).append(')');
			}
		}
		return text.toString();
	}

}
