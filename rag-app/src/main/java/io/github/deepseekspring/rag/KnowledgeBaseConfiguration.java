package io.github.deepseekspring.rag;

import io.github.deepseekspring.local.LocalRuntime;
import io.github.deepseekspring.rag.embedding.BgeSmallZhEmbeddingService;
import io.github.deepseekspring.rag.embedding.EmbeddingProperties;
import io.github.deepseekspring.rag.embedding.EmbeddingService;
import io.github.deepseekspring.rag.embedding.LocalRuntimeEmbeddingService;
import io.github.deepseekspring.rag.eval.RankedSearch;
import io.github.deepseekspring.rag.eval.HybridRetrieverSearch;
import io.github.deepseekspring.rag.ingest.Chunker;
import io.github.deepseekspring.rag.ingest.DocumentParser;
import io.github.deepseekspring.rag.ingest.EmbeddingDimensionGuard;
import io.github.deepseekspring.rag.ingest.IngestionService;
import io.github.deepseekspring.rag.ingest.WatchedFolder;
import io.github.deepseekspring.rag.retrieval.HybridRetriever;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The knowledge base's parts: embeddings, ingestion and hybrid retrieval over the configured store. */
@Configuration(proxyBeanMethods = false)
class KnowledgeBaseConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(KnowledgeBaseConfiguration.class);

	/** The model of {@code deepseek.rag.embedding.provider}: the offline ONNX model, or the local runtime's. */
	@Bean
	@ConditionalOnMissingBean
	EmbeddingService embeddingService(EmbeddingProperties embedding, ObjectProvider<LocalRuntime> localRuntime) {
		return switch (embedding.provider()) {
			case ONNX -> new BgeSmallZhEmbeddingService();
			case LOCAL_RUNTIME -> {
				LocalRuntime runtime = localRuntime.getIfAvailable();
				if (runtime == null) {
					throw new IllegalStateException("deepseek.rag.embedding.provider=local-runtime needs a local runtime:"
							+ " set deepseek.local.base-url (or deepseek.local.endpoints), or use"
							+ " deepseek.rag.embedding.provider=onnx");
				}
				logger.info("Embeddings from the local runtime, model {}", embedding.model());
				yield new LocalRuntimeEmbeddingService(runtime, embedding);
			}
		};
	}

	/** Fails start-up when the index holds vectors of another size than the configured model makes. */
	@Bean
	EmbeddingDimensionGuard embeddingDimensionGuard(EmbeddingProperties embedding, EmbeddingService embeddings,
			KnowledgeStore store) {
		EmbeddingDimensionGuard guard = new EmbeddingDimensionGuard(embedding);
		guard.verifyAtStartup(store, embeddings);
		return guard;
	}

	@Bean
	IngestionService ingestionService(RagProperties properties, EmbeddingService embeddings, KnowledgeStore store,
			EmbeddingDimensionGuard guard) {
		return new IngestionService(new DocumentParser(),
				new Chunker(properties.chunk().targetTokens(), properties.chunk().overlapTokens()), embeddings, store,
				guard);
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
