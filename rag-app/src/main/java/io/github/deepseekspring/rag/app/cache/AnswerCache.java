package io.github.deepseekspring.rag.app.cache;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.github.deepseekspring.rag.embedding.UnitVectors;
import io.github.deepseekspring.rag.embedding.VectorSpace;
import io.github.deepseekspring.rag.embedding.VectorSpaces;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers to frequent questions, in the database so every replica shares them. A question finds an entry by its
 * exact key (language and normal form), or else by the most similar question of its language whose similarity
 * passes the calibrated threshold and that names the same specifics ({@link #sameSpecifics}: embeddings barely see
 * that "XL-300M" is not "XL-500M"). An entry is served only while it is safe to: younger than the time to live, every
 * document its answer cited still at the version it cited (checked against the knowledge store on each read, so a
 * document changed through another replica invalidates it here too), every cited passage among those retrieval finds
 * for the question now, and no more ratings down than up. What may be cached at all (no personal data, no photos, no
 * follow-up that depends on the conversation) is the chat's decision.
 */
public class AnswerCache {

	private static final Logger logger = LoggerFactory.getLogger(AnswerCache.class);

	private final AnswerCacheStore store;

	private final KnowledgeStore knowledge;

	private final VectorSpaces spaces;

	private final AnswerCacheProperties properties;

	private final Clock clock;

	AnswerCache(AnswerCacheStore store, KnowledgeStore knowledge, VectorSpaces spaces,
			AnswerCacheProperties properties, Clock clock) {
		this.store = store;
		this.knowledge = knowledge;
		this.spaces = spaces;
		this.properties = properties;
		this.clock = clock;
	}

	/** Whether two wordings are one question for the cache (same normal form). */
	public static boolean sameQuestion(String a, String b) {
		return a != null && b != null && CacheKeys.normalised(a).equals(CacheKeys.normalised(b));
	}

	public boolean enabled() {
		return this.properties.enabled();
	}

	/** The cached answer for the question, if one may be served. */
	public Optional<CacheHit> find(CacheQuery query) {
		if (!enabled()) {
			return Optional.empty();
		}
		Optional<AnswerCacheStore.Row> exact = this.store.byKey(CacheKeys.key(query.language(), query.question()));
		if (exact.isPresent()) {
			return servable(exact.get(), query, "exact", 1.0);
		}
		if (this.properties.similarity() >= 1.0) {
			return Optional.empty();
		}
		VectorSpace space = this.spaces.forQuery(query.question());
		float[] vector = embed(space, query.question());
		AnswerCacheStore.Candidate best = null;
		double bestSimilarity = this.properties.similarity();
		for (AnswerCacheStore.Candidate candidate : this.store.candidates(query.language(), space.name())) {
			double similarity = UnitVectors.dot(vector, candidate.vector());
			if (similarity >= bestSimilarity && sameSpecifics(query.question(), candidate.question())) {
				best = candidate;
				bestSimilarity = similarity;
			}
		}
		if (best == null) {
			return Optional.empty();
		}
		double similarity = bestSimilarity;
		return this.store.byId(best.id()).flatMap((row) -> servable(row, query, "similar", similarity));
	}

	/**
	 * Whether a question asks what a cached one asked as far as an embedding cannot tell: the same numbers, codes and
	 * names, negated alike, and not one wording with words swapped inside it.
	 */
	static boolean sameSpecifics(String asked, String cached) {
		return QuestionSpecifics.of(asked).sameAs(QuestionSpecifics.of(cached)) && !SwappedWords.between(asked, cached);
	}

	private Optional<CacheHit> servable(AnswerCacheStore.Row row, CacheQuery query, String kind, double similarity) {
		if (row.createdAt().plus(this.properties.ttl()).isBefore(OffsetDateTime.now(this.clock))
				|| !current(row.documentVersions()) || this.store.netDown(row.id()) > 0) {
			this.store.delete(row.id());
			return Optional.empty();
		}
		if (!query.retrievedChunks().containsAll(row.citedChunks())) {
			return Optional.empty();
		}
		return Optional.of(new CacheHit(row.id(), row.answer(), row.citationsJson(), row.citedChunks(), row.costCny(),
				kind, similarity));
	}

	/** Whether every document is still stored at the version the entry cited. */
	private boolean current(Map<String, String> versions) {
		for (Map.Entry<String, String> document : versions.entrySet()) {
			Optional<String> hash = this.knowledge.documentHash(document.getKey());
			if (hash.isEmpty() || !hash.get().equals(document.getValue())) {
				return false;
			}
		}
		return true;
	}

	/** Remembers an answer; nothing when its documents cannot be versioned (one was deleted meanwhile). */
	public void put(CacheEntryDraft draft) {
		if (!enabled() || draft.citedChunks().isEmpty()) {
			return;
		}
		Map<String, String> versions = new LinkedHashMap<>();
		for (String documentId : draft.citedDocuments()) {
			Optional<String> hash = this.knowledge.documentHash(documentId);
			if (hash.isEmpty()) {
				return;
			}
			versions.put(documentId, hash.get());
		}
		VectorSpace space = this.spaces.forQuery(draft.question());
		float[] vector = embed(space, draft.question());
		if (this.store.insert(UUID.randomUUID().toString(), CacheKeys.key(draft.language(), draft.question()), draft,
				space.name(), vector, versions)) {
			this.store.trim(this.properties.maxEntries());
		}
	}

	/** Records that an answer was served from the entry (the answer's message now exists). */
	public void served(CacheHit hit, String messageId) {
		try {
			this.store.recordUse(hit.entryId(), messageId, hit.matchKind(), hit.similarity(), hit.costCny());
		}
		catch (RuntimeException ex) {
			logger.warn("Use of cache entry {} not recorded ({})", hit.entryId(), ex.toString());
		}
	}

	public List<CacheEntry> entries(int limit) {
		return this.store.entries(limit);
	}

	public boolean purge(String entryId) {
		return this.store.delete(entryId);
	}

	public int purgeAll() {
		return this.store.deleteAll();
	}

	private static float[] embed(VectorSpace space, String question) {
		return space.embedder().embedPassages(List.of(question.strip())).get(0);
	}

}
