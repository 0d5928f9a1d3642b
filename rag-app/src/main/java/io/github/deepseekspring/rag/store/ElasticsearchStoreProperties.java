package io.github.deepseekspring.rag.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the knowledge base on Elasticsearch (used when {@code deepseek.rag.store} selects it).
 *
 * @param alias the index alias the knowledge base reads and writes through (concrete indexes are
 * {@code <alias>-<time>}); lets several applications or environments share one cluster. Default
 * {@code deepseek-knowledge}.
 */
@ConfigurationProperties("deepseek.rag.elasticsearch")
public record ElasticsearchStoreProperties(String alias) {

	public ElasticsearchStoreProperties {
		alias = (alias != null && !alias.isBlank()) ? alias : "deepseek-knowledge";
	}

}
