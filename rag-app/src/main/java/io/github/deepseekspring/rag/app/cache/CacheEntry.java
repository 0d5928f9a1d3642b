package io.github.deepseekspring.rag.app.cache;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * An entry as the administrator sees it.
 *
 * @param entryId its id
 * @param question the question it answers
 * @param language the question's language
 * @param answer the answer
 * @param hits how often it was served
 * @param thumbsUp ratings up of the answers served from it
 * @param thumbsDown ratings down
 * @param savedCny what serving it saved
 * @param createdAt when it was written
 * @param lastHitAt when it was last served, or null
 */
public record CacheEntry(String entryId, String question, String language, String answer, long hits, long thumbsUp,
		long thumbsDown, BigDecimal savedCny, OffsetDateTime createdAt, OffsetDateTime lastHitAt) {

}
