package io.github.deepseekspring.rag.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the knowledge base on Elasticsearch (used when {@code deepseek.rag.store} selects it).
 *
 * @param alias the index alias the knowledge base reads and writes through (concrete indexes are
 * {@code <alias>-<time>}); lets several applications or environments share one cluster. Default
 * {@code deepseek-knowledge}.
 * @param shards primary shards of each index the knowledge base creates (a rebuild creates a new one). Default 1,
 * right up to tens of gigabytes of chunks.
 * @param replicas replica shards per primary of each index the knowledge base creates: 0 on a single node (the
 * default), 1 or more on a cluster so that losing a node loses no data and searches spread over the copies.
 */
@ConfigurationProperties("deepseek.rag.elasticsearch")
public record ElasticsearchStoreProperties(String alias, Integer shards, Integer replicas) {

	public ElasticsearchStoreProperties {
		alias = (alias != null && !alias.isBlank()) ? alias : "deepseek-knowledge";
		shards = (shards != null) ? shards : 1;
		replicas = (replicas != null) ? replicas : 0;
	}

}
