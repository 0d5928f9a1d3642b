package io.github.deepseekspring.rag.autoconfigure;

import io.github.deepseekspring.rag.KnowledgeBase;
import io.github.deepseekspring.rag.embedding.Embedder;
import io.github.deepseekspring.rag.eval.HybridRetrieverSearch;
import io.github.deepseekspring.rag.eval.RetrievalEvaluator;
import io.github.deepseekspring.rag.ingest.Chunker;
import io.github.deepseekspring.rag.ingest.DocumentParser;
import io.github.deepseekspring.rag.ingest.EmbeddingDimensionGuard;
import io.github.deepseekspring.rag.ingest.IngestionService;
import io.github.deepseekspring.rag.ingest.WatchedFolder;
import io.github.deepseekspring.rag.retrieval.HybridRetriever;
import io.github.deepseekspring.rag.retrieval.KnowledgeBaseRetriever;
import io.github.deepseekspring.rag.retrieval.RetrievalSettings;
import io.github.deepseekspring.rag.store.KnowledgeStore;

import org.springframework.ai.rag.retrieval.search.DocumentRetriever;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of the knowledge base: the store (Elasticsearch or embedded Lucene), the embedding model,
 * ingestion ({@link KnowledgeBase}), hybrid retrieval ({@link HybridRetriever}, and Spring AI's
 * {@link DocumentRetriever} named {@value #RETRIEVER_BEAN_NAME}), an optional watched folder and retrieval
 * evaluation. Every bean backs off when the application defines its own. {@code deepseek.rag.enabled=false} turns it
 * all off.
 */
@AutoConfiguration(afterName = {
		"io.github.deepseekspring.autoconfigure.DeepSeekAutoConfiguration",
		"org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchClientAutoConfiguration" })
@ConditionalOnBooleanProperty(name = KnowledgeBaseProperties.PREFIX + ".enabled", matchIfMissing = true)
@EnableConfigurationProperties(KnowledgeBaseProperties.class)
@Import({ EmbeddingConfiguration.class, KnowledgeStoreConfiguration.class })
public class RagAutoConfiguration {

	/** Name of the Spring AI {@link DocumentRetriever} bean. */
	public static final String RETRIEVER_BEAN_NAME = "knowledgeBaseRetriever";

	@Bean
	@ConditionalOnMissingBean
	IngestionService knowledgeBaseIngestion(KnowledgeBaseProperties properties, Embedder embeddings,
			KnowledgeStore store) {
		// Before anything is ingested or searched: an index built with another model cannot be used with this one.
		new EmbeddingDimensionGuard(embeddings).verifyAtStartup(store);
		KnowledgeBaseProperties.Chunk chunk = properties.chunk();
		return new IngestionService(new DocumentParser(), new Chunker(chunk.targetTokens(), chunk.overlapTokens()),
				embeddings, store);
	}

	@Bean
	@ConditionalOnMissingBean
	KnowledgeBase knowledgeBase(IngestionService ingestion, KnowledgeStore store) {
		return new KnowledgeBase(ingestion, store);
	}

	@Bean
	@ConditionalOnMissingBean
	HybridRetriever hybridRetriever(KnowledgeBaseProperties properties, Embedder embeddings, KnowledgeStore store) {
		KnowledgeBaseProperties.Retrieval retrieval = properties.retrieval();
		return new HybridRetriever(store, embeddings, new RetrievalSettings(retrieval.rrfK(), retrieval.bm25Weight(),
				retrieval.vectorWeight(), retrieval.minScore(), retrieval.candidates()));
	}

	@Bean(RETRIEVER_BEAN_NAME)
	@ConditionalOnMissingBean(name = RETRIEVER_BEAN_NAME)
	KnowledgeBaseRetriever knowledgeBaseRetriever(HybridRetriever retriever) {
		return KnowledgeBaseRetriever.builder(retriever).build();
	}

	@Bean
	@ConditionalOnMissingBean
	RetrievalEvaluator retrievalEvaluator(HybridRetriever retriever) {
		return new RetrievalEvaluator(new HybridRetrieverSearch(retriever));
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnProperty(KnowledgeBaseProperties.PREFIX + ".ingest.watch-dir")
	@ConditionalOnMissingBean
	WatchedFolder knowledgeBaseWatchedFolder(KnowledgeBaseProperties properties, IngestionService ingestion) {
		return new WatchedFolder(properties.ingest().watchDir(), ingestion);
	}

}
