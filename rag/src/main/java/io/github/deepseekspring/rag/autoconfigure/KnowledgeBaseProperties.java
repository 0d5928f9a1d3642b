package io.github.deepseekspring.rag.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.github.deepseekspring.rag.ingest.ParseLimits;
import io.github.deepseekspring.rag.retrieval.RetrievalSettings;
import io.github.deepseekspring.rag.text.Language;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the knowledge base.
 *
 * @param store where the knowledge base lives: auto (Elasticsearch when spring.elasticsearch.uris is set and answers,
 * or when the application has an Elasticsearch client bean; else embedded Lucene), elasticsearch or lucene
 * @param dataDir folder for the embedded Lucene index
 * @param chunk chunk sizes
 * @param retrieval hybrid retrieval settings
 * @param ingest ingestion settings
 * @param elasticsearch the knowledge base's index on Elasticsearch
 * @param embedding which model turns text into vectors
 * @param query how questions are worded for the search
 */
@ConfigurationProperties(KnowledgeBaseProperties.PREFIX)
public record KnowledgeBaseProperties(StoreKind store, Path dataDir, Chunk chunk, Retrieval retrieval, Ingest ingest,
		Elasticsearch elasticsearch, Embedding embedding, Query query) {

	/** The prefix of every knowledge-base property. */
	public static final String PREFIX = "deepseek.rag";

	public KnowledgeBaseProperties {
		store = (store != null) ? store : StoreKind.AUTO;
		dataDir = (dataDir != null) ? dataDir : Path.of("data");
		chunk = (chunk != null) ? chunk : new Chunk(null, null);
		retrieval = (retrieval != null) ? retrieval : new Retrieval(null, null, null);
		ingest = (ingest != null) ? ingest : new Ingest(null, null, null, null, null);
		elasticsearch = (elasticsearch != null) ? elasticsearch : new Elasticsearch(null, null, null);
		embedding = (embedding != null) ? embedding : new Embedding(null, null, null);
		query = (query != null) ? query : new Query(null, null);
	}

	/** Where the knowledge base lives. */
	public enum StoreKind {

		/**
		 * Elasticsearch when the application has an Elasticsearch client bean or spring.elasticsearch.uris is set and
		 * answers, otherwise embedded Lucene.
		 */
		AUTO,
		/** Elasticsearch: the application's client bean, or spring.elasticsearch.uris. */
		ELASTICSEARCH,
		/** An embedded Lucene index under data-dir. */
		LUCENE

	}

	/**
	 * Chunk sizes.
	 *
	 * @param targetTokens target size of a chunk in (estimated) tokens
	 * @param overlapTokens tokens shared by consecutive chunks of a section
	 */
	public record Chunk(Integer targetTokens, Integer overlapTokens) {

		public Chunk {
			targetTokens = (targetTokens != null) ? targetTokens : 300;
			overlapTokens = (overlapTokens != null) ? overlapTokens : 50;
		}

	}

	/**
	 * Hybrid retrieval: BM25 and kNN fused by score, the keyword share following the question's language.
	 *
	 * @param bm25Weight the keyword ranking's share of the fused score (0 to 1; the vector ranking has the rest), by
	 * the question's language: {@code zh} (default 0.4) and {@code en} (default 0.1); measured on the development sets
	 * for the bundled models, worth measuring again with another model
	 * @param minScore hits below this fused score are dropped; 1 means ranked first by every search that ran
	 * @param candidates how many hits each search contributes to the fusion
	 */
	public record Retrieval(Map<Language, Double> bm25Weight, Double minScore, Integer candidates) {

		public Retrieval {
			Map<Language, Double> weights = new EnumMap<>(RetrievalSettings.defaults().bm25Weights());
			if (bm25Weight != null) {
				weights.putAll(bm25Weight);
			}
			bm25Weight = weights;
			minScore = (minScore != null) ? minScore : 0.0;
			candidates = (candidates != null) ? candidates : 40;
		}

		/** These settings for the retriever. */
		public RetrievalSettings settings() {
			return new RetrievalSettings(this.bm25Weight, this.minScore, this.candidates);
		}

	}

	/**
	 * Ingestion, and what reading one document may cost (a hostile file answers "unreadable" instead of exhausting
	 * the JVM).
	 *
	 * @param watchDir a folder whose files are ingested when they appear or change, and removed when deleted (only
	 * regular files inside it: symbolic links are ignored); off when unset
	 * @param maxDocumentSize largest document accepted (default 20MB)
	 * @param maxPdfPages most pages of a PDF (default 1000)
	 * @param parseMemory most bytes a PDF's page content may decode to (where a compressed-stream bomb expands), and
	 * most memory its decoded streams may take while it is read (default 64MB)
	 * @param maxTextLength most characters of text one document may hold (default 2000000)
	 */
	public record Ingest(Path watchDir, DataSize maxDocumentSize, Integer maxPdfPages, DataSize parseMemory,
			Integer maxTextLength) {

		public Ingest {
			ParseLimits defaults = ParseLimits.defaults();
			maxDocumentSize = (maxDocumentSize != null) ? maxDocumentSize
					: DataSize.ofBytes(defaults.maxDocumentSize());
			maxPdfPages = (maxPdfPages != null) ? maxPdfPages : defaults.maxPdfPages();
			parseMemory = (parseMemory != null) ? parseMemory : DataSize.ofBytes(defaults.maxParseMemory());
			maxTextLength = (maxTextLength != null) ? maxTextLength : defaults.maxTextLength();
		}

		/** These limits for the parser. */
		public ParseLimits limits() {
			return new ParseLimits(this.maxDocumentSize.toBytes(), this.maxPdfPages, this.parseMemory.toBytes(),
					this.maxTextLength);
		}

	}

	/**
	 * The knowledge base's index on Elasticsearch (used when the store is Elasticsearch).
	 *
	 * @param alias the index alias the knowledge base reads and writes through (concrete indexes are
	 * {@code <alias>-<time>}); lets several applications or environments share one cluster
	 * @param shards primary shards of each index the knowledge base creates (a rebuild creates a new one); 1 is right up
	 * to tens of gigabytes of chunks
	 * @param replicas replica shards per primary of each index the knowledge base creates: 0 on a single node, 1 or
	 * more on a cluster so that losing a node loses no data and searches spread over the copies
	 */
	public record Elasticsearch(String alias, Integer shards, Integer replicas) {

		public Elasticsearch {
			alias = (alias != null && !alias.isBlank()) ? alias : "deepseek-knowledge";
			shards = (shards != null) ? shards : 1;
			replicas = (replicas != null) ? replicas : 0;
		}

	}

	/**
	 * Which model turns text into vectors. Every vector in one index comes from one model: switching the provider or
	 * the model of an existing knowledge base needs an empty index (another data-dir or elasticsearch.alias) and a
	 * re-ingest; start-up and ingestion refuse a model whose vector size differs from the index's.
	 *
	 * @param provider where embeddings come from: onnx (bge-small-zh-v1.5 in process, offline, 512 dimensions),
	 * local-runtime (the DeepSeek starter's local runtime embedding model, deepseek.local.embedding.model, bge-m3 by
	 * default) or embedding-model (the application's own Spring AI EmbeddingModel bean: its only one, or its
	 * {@code @Primary} one)
	 * @param queryInstruction text put before each search query, as retrieval models such as bge and e5 expect; the
	 * onnx models use their model card's instruction when unset, other providers none
	 * @param englishModel whether the onnx provider adds bge-small-en-v1.5 (quantised, 384 dimensions) beside
	 * bge-small-zh-v1.5, for English questions and passages (default true); every chunk is embedded by both
	 */
	public record Embedding(Provider provider, String queryInstruction, Boolean englishModel) {

		public Embedding {
			provider = (provider != null) ? provider : Provider.ONNX;
			englishModel = (englishModel != null) ? englishModel : Boolean.TRUE;
		}

	}

	/**
	 * How questions are worded for the search.
	 *
	 * @param expansion conversation (default: a follow-up question is also searched together with the questions
	 * before it), model (the application's chat model also rewrites a follow-up to stand on its own and translates
	 * questions whose passages are in the other language, one short call; give it a fast, non-thinking model) or none
	 * @param modelTimeout how long a search waits for the model's rewrite before going on without it (default 3s)
	 */
	public record Query(QueryExpansionKind expansion, Duration modelTimeout) {

		public Query {
			expansion = (expansion != null) ? expansion : QueryExpansionKind.CONVERSATION;
			modelTimeout = (modelTimeout != null) ? modelTimeout : Duration.ofSeconds(3);
		}

	}

	/** How questions are worded for the search. */
	public enum QueryExpansionKind {

		/** The question alone. */
		NONE,
		/** The question, and a follow-up together with the questions before it. */
		CONVERSATION,
		/** As conversation, plus the chat model's standalone rewrite and translation where they help. */
		MODEL

	}

	/** Where embeddings come from. */
	public enum Provider {

		/**
		 * bge-small-zh-v1.5 run in process with ONNX Runtime (offline, 512 dimensions), with bge-small-en-v1.5 beside
		 * it for English unless english-model is false.
		 */
		ONNX,
		/** The DeepSeek starter's local runtime embedding model (bean deepseekLocalEmbeddingModel). */
		LOCAL_RUNTIME,
		/** The application's own Spring AI EmbeddingModel bean. */
		EMBEDDING_MODEL

	}

}
