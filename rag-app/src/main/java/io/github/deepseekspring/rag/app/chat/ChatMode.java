package io.github.deepseekspring.rag.app.chat;

import com.fasterxml.jackson.annotation.JsonValue;

/** How an answer was produced. */
public enum ChatMode {

	/** Written by the model from retrieved passages. */
	LLM("llm"),
	/** A knowledge base FAQ answer matched the question closely; returned without a model call. */
	FAQ("faq"),
	/** A cached answer to the same question (or a calibrated paraphrase of it); returned without a model call. */
	CACHE("cache"),
	/** The model is away or failed: the best passages, labelled as such. */
	RETRIEVAL_ONLY("retrieval-only"),
	/** The knowledge base does not cover the question; a human agent is offered. */
	NOT_COVERED("not-covered");

	private final String wireName;

	ChatMode(String wireName) {
		this.wireName = wireName;
	}

	@JsonValue
	public String wireName() {
		return this.wireName;
	}

	public static ChatMode fromWireName(String name) {
		for (ChatMode mode : values()) {
			if (mode.wireName.equals(name)) {
				return mode;
			}
		}
		throw new IllegalArgumentException("unknown mode " + name);
	}

}
