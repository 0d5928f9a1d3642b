package io.github.deepseekspring.rag;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the knowledge base application.
 *
 * @param store where the knowledge base lives: auto (Elasticsearch when spring.elasticsearch.uris is set and answers,
 * else embedded Lucene), elasticsearch or lucene
 * @param dataDir folder for the embedded Lucene index and other local data
 * @param sampleData whether to load the sample knowledge base on first start when the store is empty
 * @param chunk chunk sizes
 * @param retrieval hybrid retrieval settings
 * @param ingest ingestion settings
 * @param admin the administrator account
 */
@ConfigurationProperties("deepseek.rag")
public record RagProperties(StoreKind store, Path dataDir, Boolean sampleData, Chunk chunk, Retrieval retrieval,
		Ingest ingest, Admin admin) {

	public RagProperties {
		store = (store != null) ? store : StoreKind.AUTO;
		dataDir = (dataDir != null) ? dataDir : Path.of("data");
		sampleData = (sampleData != null) ? sampleData : Boolean.TRUE;
		chunk = (chunk != null) ? chunk : new Chunk(null, null);
		retrieval = (retrieval != null) ? retrieval : new Retrieval(0, 0, 0, null, 0);
		ingest = (ingest != null) ? ingest : new Ingest(null, 0);
		admin = (admin != null) ? admin : new Admin(null);
	}

	/** Where the knowledge base lives. */
	public enum StoreKind {

		/** Elasticsearch when spring.elasticsearch.uris is set and answers, otherwise embedded Lucene. */
		AUTO,
		/** Elasticsearch at spring.elasticsearch.uris. */
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
	 * both searches
	 * @param candidates how many hits each search contributes to the fusion
	 */
	public record Retrieval(int rrfK, double bm25Weight, double vectorWeight, Double minScore, int candidates) {

		public Retrieval {
			rrfK = (rrfK > 0) ? rrfK : 60;
			bm25Weight = (bm25Weight > 0) ? bm25Weight : 1.0;
			vectorWeight = (vectorWeight > 0) ? vectorWeight : 1.0;
			minScore = (minScore != null) ? minScore : 0.0;
			candidates = (candidates > 0) ? candidates : 40;
		}

	}

	/**
	 * Ingestion.
	 *
	 * @param watchDir a folder whose files are ingested when they appear or change; off when unset
	 * @param maxTextLength longest text accepted by the JSON upload, in characters
	 */
	public record Ingest(Path watchDir, int maxTextLength) {

		public Ingest {
			maxTextLength = (maxTextLength > 0) ? maxTextLength : 2_000_000;
		}

	}

	/**
	 * The administrator account (HTTP Basic for API clients).
	 *
	 * @param password password of the user "admin"; a random one is generated and logged once at start-up when unset
	 */
	public record Admin(String password) {

	}

}
