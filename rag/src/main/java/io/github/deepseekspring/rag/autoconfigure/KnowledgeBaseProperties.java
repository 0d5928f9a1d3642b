package io.github.deepseekspring.rag.autoconfigure;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

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
 */
@ConfigurationProperties(KnowledgeBaseProperties.PREFIX)
public record KnowledgeBaseProperties(StoreKind store, Path dataDir, Chunk chunk, Retrieval retrieval, Ingest ingest,
		Elasticsearch elasticsearch, Embedding embedding) {

	/** The prefix of every knowledge-base property. */
	public static final String PREFIX = "deepseek.rag";

	public KnowledgeBaseProperties {
		store = (store != null) ? store : StoreKind.AUTO;
		dataDir = (dataDir != null) ? dataDir : Path.of("data");
		chunk = (chunk != null) ? chunk : new Chunk(null, null);
		retrieval = (retrieval != null) ? retrieval : new Retrieval(null, null, null, null, null);
		ingest = (ingest != null) ? ingest : new Ingest(null);
		elasticsearch = (elasticsearch != null) ? elasticsearch : new Elasticsearch(null, null, null);
		embedding = (embedding != null) ? embedding : new Embedding(null, null);
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
	 * Hybrid retrieval.
	 *
	 * @param rrfK the k of reciprocal-rank fusion: higher flattens the advantage of top ranks
	 * @param bm25Weight weight of the keyword ranking in the fusion
	 * @param vectorWeight weight of the vector ranking in the fusion
	 * @param minScore hits below this fused score are dropped; the score is normalised so that 1 means ranked first by
	 * every search that ran
	 * @param candidates how many hits each search contributes to the fusion
	 */
	public record Retrieval(Integer rrfK, Double bm25Weight, Double vectorWeight, Double minScore, Integer candidates) {

		public Retrieval {
			rrfK = (rrfK != null) ? rrfK : 60;
			bm25Weight = (bm25Weight != null) ? bm25Weight : 1.0;
			vectorWeight = (vectorWeight != null) ? vectorWeight : 1.0;
			minScore = (minScore != null) ? minScore : 0.0;
			candidates = (candidates != null) ? candidates : 40;
		}

	}

	/**
	 * Ingestion.
	 *
	 * @param watchDir a folder whose files are ingested when they appear or change, and removed when deleted; off when
	 * unset
	 */
	public record Ingest(Path watchDir) {

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
	 */
	public record Embedding(Provider provider, String queryInstruction) {

		public Embedding {
			provider = (provider != null) ? provider : Provider.ONNX;
		}

	}

	/** Where embeddings come from. */
	public enum Provider {

		/** bge-small-zh-v1.5 run in process with ONNX Runtime; offline, 512 dimensions. */
		ONNX,
		/** The DeepSeek starter's local runtime embedding model (bean deepseekLocalEmbeddingModel). */
		LOCAL_RUNTIME,
		/** The application's own Spring AI EmbeddingModel bean. */
		EMBEDDING_MODEL

	}

}
