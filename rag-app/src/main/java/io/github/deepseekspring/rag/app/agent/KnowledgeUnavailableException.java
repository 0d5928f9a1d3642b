package io.github.deepseekspring.rag.app.agent;

/** The knowledge base could not be searched (its store is away); the agent may try again. */
class KnowledgeUnavailableException extends RuntimeException {

	KnowledgeUnavailableException(Throwable cause) {
		super("The knowledge base cannot be searched right now", cause);
	}

}
