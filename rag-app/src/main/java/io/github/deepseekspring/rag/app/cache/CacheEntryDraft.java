package io.github.deepseekspring.rag.app.cache;

import java.math.BigDecimal;
import java.util.List;

/**
 * An answer to remember.
 *
 * @param question the standalone question
 * @param language its language code
 * @param answer the answer as shown, citations numbered {@code [1]}, {@code [2]}, …
 * @param citationsJson its citations as the chat stores them
 * @param citedChunks the chunk of each citation, in order
 * @param citedDocuments the document of each cited chunk
 * @param costCny what the model call cost
 */
public record CacheEntryDraft(String question, String language, String answer, String citationsJson,
		List<String> citedChunks, List<String> citedDocuments, BigDecimal costCny) {

}
