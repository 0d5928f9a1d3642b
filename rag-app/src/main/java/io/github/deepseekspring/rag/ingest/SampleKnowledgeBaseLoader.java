package io.github.deepseekspring.rag.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;

import io.github.deepseekspring.rag.RagProperties;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
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
	public void run(ApplicationArguments args) throws IOException {
		if (!this.properties.sampleData() || this.store.chunkCount() > 0) {
			return;
		}
		Resource[] documents = new PathMatchingResourcePatternResolver().getResources("classpath:/sample-kb/*");
		Arrays.sort(documents, Comparator.comparing(Resource::getFilename));
		int loaded = 0;
		for (Resource document : documents) {
			String name = document.getFilename();
			var format = DocumentFormat.detect(name, null);
			if (format.isEmpty()) {
				continue;
			}
			try (InputStream in = document.getInputStream()) {
				String title = name.substring(0, name.lastIndexOf('.'));
				this.ingestion.ingest(in.readAllBytes(), format.get(), name, title);
				loaded++;
			}
		}
		logger.info("Loaded the sample knowledge base: {} documents, {} chunks", loaded, this.store.chunkCount());
	}

}
