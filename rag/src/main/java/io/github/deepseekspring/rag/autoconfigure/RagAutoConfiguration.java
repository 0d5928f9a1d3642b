package io.github.deepseekspring.rag.autoconfigure;

import io.github.deepseekspring.rag.KnowledgeBase;
import io.github.deepseekspring.rag.embedding.VectorSpaces;
import io.github.deepseekspring.rag.eval.HybridRetrieverSearch;
import io.github.deepseekspring.rag.eval.RetrievalEvaluator;
import io.github.deepseekspring.rag.ingest.Chunker;
import io.github.deepseekspring.rag.ingest.DocumentParser;
import io.github.deepseekspring.rag.ingest.EmbeddingDimensionGuard;
import io.github.deepseekspring.rag.ingest.IngestionService;
import io.github.deepseekspring.rag.ingest.VectorBackfill;
import io.github.deepseekspring.rag.ingest.WatchedFolder;
import io.github.deepseekspring.rag.retrieval.HybridRetriever;
import io.github.deepseekspring.rag.query.ConversationQueryExpansion;
import io.github.deepseekspring.rag.query.ModelQueryExpansion;
import io.github.deepseekspring.rag.query.QueryExpansion;
import io.github.deepseekspring.rag.retrieval.KnowledgeBaseRetriever;
import io.github.deepseekspring.rag.retrieval.QuestionRetriever;
import io.github.deepseekspring.rag.store.KnowledgeStore;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.rag.retrieval.search.DocumentRetriever;
import org.springframework.beans.factory.ObjectProvider;
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
	IngestionService knowledgeBaseIngestion(KnowledgeBaseProperties properties, VectorSpaces spaces,
			KnowledgeStore store) {
		// Before anything is ingested or searched: an index built with another model cannot be used with this one.
		new EmbeddingDimensionGuard(spaces).verifyAtStartup(store);
		KnowledgeBaseProperties.Chunk chunk = properties.chunk();
		return new IngestionService(new DocumentParser(properties.ingest().limits()),
				new Chunker(chunk.targetTokens(), chunk.overlapTokens()), spaces, store);
	}

	/** Vectors of a model added after the chunks were stored, filled in the background at start-up. */
	@Bean(initMethod = "start", destroyMethod = "close")
	@ConditionalOnMissingBean
	VectorBackfill knowledgeBaseVectorBackfill(KnowledgeStore store, VectorSpaces spaces,
			IngestionService ingestion) {
		return new VectorBackfill(store, spaces, ingestion);
	}

	@Bean
	@ConditionalOnMissingBean
	KnowledgeBase knowledgeBase(IngestionService ingestion, KnowledgeStore store) {
		return new KnowledgeBase(ingestion, store);
	}

	@Bean
	@ConditionalOnMissingBean
	HybridRetriever hybridRetriever(KnowledgeBaseProperties properties, VectorSpaces spaces, KnowledgeStore store) {
		return new HybridRetriever(store, spaces, properties.retrieval().settings());
	}

	/**
	 * Questions worded for the search as {@code deepseek.rag.query.expansion} says; with {@code model}, rewritten by
	 * the application's chat model (through its {@code ChatClient.Builder}).
	 */
	@Bean
	@ConditionalOnMissingBean
	QuestionRetriever questionRetriever(KnowledgeBaseProperties properties, HybridRetriever retriever,
			ObjectProvider<ChatClient.Builder> chatClients) {
		KnowledgeBaseProperties.Query query = properties.query();
		return switch (query.expansion()) {
			case NONE -> new QuestionRetriever(retriever, QueryExpansion.none(), null);
			case CONVERSATION -> new QuestionRetriever(retriever);
			case MODEL -> {
				ChatClient.Builder chatClient = chatClients.getIfAvailable();
				if (chatClient == null) {
					throw new KnowledgeBaseConfigurationException(KnowledgeBaseProperties.PREFIX
							+ ".query.expansion=model needs a chat model, and there is none.",
							"Add a chat model starter (the DeepSeek starter, for example), or set "
									+ KnowledgeBaseProperties.PREFIX + ".query.expansion=conversation.");
				}
				ConversationQueryExpansion offline = new ConversationQueryExpansion();
				yield new QuestionRetriever(retriever, offline,
						new ModelQueryExpansion(chatClient.build(), offline, query.modelTimeout()));
			}
		};
	}

	@Bean(RETRIEVER_BEAN_NAME)
	@ConditionalOnMissingBean(name = RETRIEVER_BEAN_NAME)
	KnowledgeBaseRetriever knowledgeBaseRetriever(HybridRetriever retriever, QuestionRetriever questions) {
		return KnowledgeBaseRetriever.builder(retriever).questions(questions).build();
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
