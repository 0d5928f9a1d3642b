package io.github.deepseekspring.rag.app.cache;

import java.util.Set;

/**
 * A question looked up in the cache.
 *
 * @param question the standalone question (a follow-up rewritten to stand alone)
 * @param language its language code ({@code ZH}, {@code EN})
 * @param retrievedChunks the chunks retrieval found for it now: an entry is served only when every passage its answer
 * cited is among them, so a semantic match must find what the cached question found
 */
public record CacheQuery(String question, String language, Set<String> retrievedChunks) {

}
