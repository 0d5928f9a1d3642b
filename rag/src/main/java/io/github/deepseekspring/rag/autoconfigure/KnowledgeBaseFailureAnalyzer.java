package io.github.deepseekspring.rag.autoconfigure;

import io.github.deepseekspring.rag.embedding.EmbeddingMismatchException;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;

/**
 * Start-up failures of the knowledge base in Spring Boot's "APPLICATION FAILED TO START" report, with the properties to
 * set: a configuration that cannot work, and an index built with another embedding model.
 */
class KnowledgeBaseFailureAnalyzer extends AbstractFailureAnalyzer<IllegalStateException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, IllegalStateException cause) {
		if (cause instanceof KnowledgeBaseConfigurationException configuration) {
			return new FailureAnalysis(configuration.description(), configuration.action(), configuration);
		}
		if (cause instanceof EmbeddingMismatchException mismatch) {
			return new FailureAnalysis(mismatch.getMessage(),
					"Set " + KnowledgeBaseProperties.PREFIX + ".embedding.provider back to the model the index was "
							+ "built with, or point " + KnowledgeBaseProperties.PREFIX + ".data-dir (Lucene) or "
							+ KnowledgeBaseProperties.PREFIX + ".elasticsearch.alias (Elasticsearch) at an empty index "
							+ "and ingest the documents again.",
					mismatch);
		}
		return null;
	}

}
