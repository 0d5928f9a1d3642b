package io.github.deepseekspring.rag.app.cache;

import java.math.BigDecimal;
import java.util.List;

/**
 * An answer served from the cache.
 *
 * @param entryId the entry (feedback on the answer is feedback on it)
 * @param answer the answer as shown, its citations numbered {@code [1]}, {@code [2]}, … in the order of
 * {@code citedChunks}
 * @param citationsJson its citations as the chat stores them
 * @param citedChunks the chunk of each citation, in order
 * @param costCny what the model call that wrote it cost: what serving it saves
 * @param matchKind {@code exact} or {@code similar}
 * @param similarity the questions' similarity (1 for an exact match)
 */
public record CacheHit(String entryId, String answer, String citationsJson, List<String> citedChunks,
		BigDecimal costCny, String matchKind, double similarity) {

}
