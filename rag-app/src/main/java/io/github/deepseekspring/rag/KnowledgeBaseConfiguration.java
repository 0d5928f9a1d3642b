package io.github.deepseekspring.rag;

import io.github.deepseekspring.rag.embedding.BgeSmallZhEmbeddingService;
import io.github.deepseekspring.rag.embedding.EmbeddingService;
import io.github.deepseekspring.rag.eval.RankedSearch;
import io.github.deepseekspring.rag.eval.HybridRetrieverSearch;
import io.github.deepseekspring.rag.ingest.Chunker;
import io.github.deepseekspring.rag.ingest.DocumentParser;
import io.github.deepseekspring.rag.ingest.IngestionService;
import io.github.deepseekspring.rag.ingest.WatchedFolder;
import io.github.deepseekspring.rag.retrieval.HybridRetriever;
import io.github.deepseekspring.rag.store.KnowledgeStore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The knowledge base's parts: embeddings, ingestion and hybrid retrieval over the configured store. */
@Configuration(proxyBeanMethods = false)
class KnowledgeBaseConfiguration {

	@Bean
	@ConditionalOnMissingBean
	EmbeddingService embeddingService() {
		return new BgeSmallZhEmbeddingService();
	}

	@Bean
	IngestionService ingestionService(RagProperties properties, EmbeddingService embeddings, KnowledgeStore store) {
		return new IngestionService(new DocumentParser(),
				new Chunker(properties.chunk().targetTokens(), properties.chunk().overlapTokens()), embeddings, store);
	}

	@Bean
	HybridRetriever hybridRetriever(RagProperties properties, EmbeddingService embeddings, KnowledgeStore store) {
		return new HybridRetriever(store, embeddings, properties.retrieval());
	}

	@Bean
	@ConditionalOnProperty("deepseek.rag.ingest.watch-dir")
	WatchedFolder watchedFolder(RagProperties properties, IngestionService ingestion) {
		return new WatchedFolder(properties.ingest().watchDir(), ingestion);
	}

	/** Lets POST /api/kb/eval measure the same retrieval the application serves. */
	@Bean
	RankedSearch rankedSearch(HybridRetriever retriever) {
		return new HybridRetrieverSearch(retriever);
	}


}
