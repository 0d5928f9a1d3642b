package io.github.deepseekspring.rag.app.kb;

import io.github.deepseekspring.rag.KnowledgeBase;
import io.github.deepseekspring.rag.app.RagProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Loads the sample knowledge base shipped with the application (a fictional router company) on first start, when
 * the store is empty and {@code deepseek.rag.sample-data} is on, so the first run has something to answer from.
 */
@Component
class SampleKnowledgeBaseLoader implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(SampleKnowledgeBaseLoader.class);

	private final RagProperties properties;

	private final KnowledgeBase knowledgeBase;

	SampleKnowledgeBaseLoader(RagProperties properties, KnowledgeBase knowledgeBase) {
		this.properties = properties;
		this.knowledgeBase = knowledgeBase;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.properties.sampleData() || this.knowledgeBase.chunkCount() > 0) {
			return;
		}
		int loaded = SampleKnowledgeBase.loadInto(this.knowledgeBase);
		logger.info("Loaded the sample knowledge base: {} documents, {} chunks", loaded,
				this.knowledgeBase.chunkCount());
	}

}
