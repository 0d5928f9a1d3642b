package io.github.deepseekspring.rag.app.chat;

import java.util.List;

import io.github.deepseekspring.rag.retrieval.SearchHit;

/** The answers written without the model: not covered, and the passages themselves when the model is away. */
final class CannedAnswers {

	private static final int SNIPPET_LENGTH = 240;

	private CannedAnswers() {
	}

	static String notCovered(Language language) {
		return (language == Language.EN)
				? "Sorry, our knowledge base does not cover this question. Would you like to talk to a human agent?"
				: "抱歉，知识库中没有找到这个问题的答案。如有需要，可以为您转接人工客服。";
	}

	/** The knowledge base cannot be searched right now (its store is down); a human agent is offered. */
	static String knowledgeBaseUnavailable(Language language) {
		return (language == Language.EN)
				? "Sorry, our knowledge base is temporarily unavailable. Please try again in a few minutes, or talk to a human agent."
				: "抱歉，知识库暂时不可用，请稍后再试。如有需要，可以为您转接人工客服。";
	}

	/** The question came with photos, and no model that can see them is reachable; a human agent is offered. */
	static String photosUnreadable(Language language) {
		return (language == Language.EN)
				? "Sorry, photos cannot be read right now. Would you like to talk to a human agent? They can see your photos."
				: "抱歉，暂时无法识别图片。如有需要，可以为您转接人工客服，客服可以查看您发送的图片。";
	}

	/** The passages with their numbers, under a label saying that no model wrote this. */
	static String retrievalOnly(Language language, List<PromptTexts.Numbered> passages) {
		StringBuilder answer = new StringBuilder((language == Language.EN)
				? "(The assistant is unavailable right now. These are the most relevant passages from our knowledge base:)"
				: "（智能回答暂时不可用，以下是知识库中与您的问题最相关的内容：）");
		for (PromptTexts.Numbered passage : passages) {
			SearchHit hit = passage.hit();
			answer.append("\n\n[").append(passage.n()).append("] ").append(heading(hit)).append('\n').append(snippet(hit.text()));
		}
		return answer.toString();
	}

	static String heading(SearchHit hit) {
		String title = (hit.title() != null) ? hit.title() : "";
		return (hit.headingPath() != null) ? title + " > " + hit.headingPath() : title;
	}

	static String snippet(String text) {
		String flat = text.strip();
		return (flat.length() <= SNIPPET_LENGTH) ? flat : flat.substring(0, SNIPPET_LENGTH) + "…";
	}

}
