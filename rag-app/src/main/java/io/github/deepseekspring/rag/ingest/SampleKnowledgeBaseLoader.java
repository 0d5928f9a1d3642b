package io.github.deepseekspring.rag.ingest;


import io.github.deepseekspring.rag.RagProperties;
import io.github.deepseekspring.rag.store.KnowledgeStore;
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

	private final KnowledgeStore store;

	private final IngestionService ingestion;

	SampleKnowledgeBaseLoader(RagProperties properties, KnowledgeStore store, IngestionService ingestion) {
		this.properties = properties;
		this.store = store;
		this.ingestion = ingestion;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.properties.sampleData() || this.store.chunkCount() > 0) {
			return;
		}
		int loaded = SampleKnowledgeBase.loadInto(this.ingestion);
		logger.info("Loaded the sample knowledge base: {} documents, {} chunks", loaded, this.store.chunkCount());
	}

}
