package io.github.deepseekspring.rag.autoconfigure;

/**
 * The knowledge base's configuration cannot work as set: what is wrong, and what to set instead. Reported at start-up
 * by {@link KnowledgeBaseFailureAnalyzer}.
 */
public class KnowledgeBaseConfigurationException extends IllegalStateException {

	private final String description;

	private final String action;

	public KnowledgeBaseConfigurationException(String description, String action) {
		super(description + " " + action);
		this.description = description;
		this.action = action;
	}

	/** What is wrong. */
	public String description() {
		return this.description;
	}

	/** What to set instead. */
	public String action() {
		return this.action;
	}

}
