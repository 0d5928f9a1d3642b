package io.github.deepseekspring.rag.app.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The answer cache for frequent questions.
 *
 * @param enabled whether answers are cached and served from the cache (default true)
 * @param similarity cosine similarity of two questions' embeddings (each language's embedding model) from which a
 * cached answer is served for a differently worded question that names the same numbers, product codes and names,
 * negates alike and is not the same wording with words swapped (default 0.88, calibrated on labelled question pairs,
 * see BENCHMARKS.md); 1 or more turns the semantic match off, leaving the exact one
 * @param maxEntries entries kept; past it the least recently used go (default 2000)
 * @param ttl how long an entry is served at most, even when its documents did not change (default 7d)
 */
@ConfigurationProperties("deepseek.rag.cache")
public record AnswerCacheProperties(Boolean enabled, Double similarity, Integer maxEntries, Duration ttl) {

	public AnswerCacheProperties {
		enabled = (enabled != null) ? enabled : Boolean.TRUE;
		similarity = (similarity != null) ? similarity : 0.88;
		maxEntries = (maxEntries != null) ? maxEntries : 2000;
		ttl = (ttl != null) ? ttl : Duration.ofDays(7);
	}

}
