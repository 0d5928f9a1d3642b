package io.github.deepseekspring.rag.retrieval;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.deepseekspring.rag.embedding.Embedder;
import io.github.deepseekspring.rag.embedding.EmbeddingUnavailableException;
import io.github.deepseekspring.rag.embedding.VectorSpace;
import io.github.deepseekspring.rag.embedding.VectorSpaces;
import io.github.deepseekspring.rag.store.KnowledgeChunk;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import io.github.deepseekspring.rag.store.StoreHit;
import io.github.deepseekspring.rag.text.Language;
import io.github.deepseekspring.rag.text.ProductCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hybrid retrieval computed in the application: BM25 over the chunks' text and kNN in the vector space that serves the
 * question's language (an English model for English questions, beside a Chinese one), fused by score
 * ({@link ScoreFusion}: the free Elasticsearch distribution has no {@code rrf} retriever, and fusing in the
 * application lets the keyword share follow the question's language), then exact code matches first, a relevance
 * threshold, and de-duplication of overlapping neighbour chunks. {@link #retrieve} adds whether the knowledge base
 * covers the question at all ({@link CoverageGate}).
 */
public class HybridRetriever {

	private static final Logger logger = LoggerFactory.getLogger(HybridRetriever.class);

	private final KnowledgeStore store;

	private final VectorSpaces spaces;

	private final RetrievalSettings settings;

	private final CoverageGate coverage;

	public HybridRetriever(KnowledgeStore store, Embedder embeddings, RetrievalSettings settings) {
		this(store, VectorSpaces.of(embeddings), settings);
	}

	public HybridRetriever(KnowledgeStore store, VectorSpaces spaces, RetrievalSettings settings) {
		this.store = store;
		this.spaces = spaces;
		this.settings = settings;
		this.coverage = new CoverageGate(store, spaces, settings.candidates(), Clock.systemUTC());
	}

	/** The best {@code limit} passages for the query, by the searches of {@code mode}. */
	public List<SearchHit> search(String query, int limit, SearchMode mode) {
		return search(List.of(query), limit, mode);
	}

	/**
	 * The best {@code limit} passages for several wordings of one question (the question as asked, with the
	 * conversation before it, a translation): each wording is searched, and the fused scores are averaged, so a
	 * passage that several wordings find ranks above one that a single wording finds.
	 */
	public List<SearchHit> search(List<String> wordings, int limit, SearchMode mode) {
		ScoreFusion fusion = new ScoreFusion();
		int candidates = Math.max(limit, this.settings.candidates());
		for (String wording : wordings) {
			searchInto(fusion, wording, candidates, mode);
		}
		return hits(fusion.ranked(), limit);
	}

	/** The best {@code limit} passages by hybrid search, and whether the knowledge base covers the question at all. */
	public Retrieval retrieve(String query, int limit) {
		return retrieve(List.of(query), limit);
	}

	/**
	 * The best {@code limit} passages for several wordings of one question by hybrid search, and whether the
	 * knowledge base covers it: when any wording is covered. The passages are there either way; a caller that answers
	 * from them checks {@link Retrieval#covered()} first.
	 */
	public Retrieval retrieve(List<String> wordings, int limit) {
		ScoreFusion fusion = new ScoreFusion();
		int candidates = Math.max(limit, this.settings.candidates());
		List<Nearest> nearest = new ArrayList<>(wordings.size());
		for (String wording : wordings) {
			nearest.add(searchInto(fusion, wording, candidates, SearchMode.HYBRID));
		}
		List<SearchHit> hits = hits(fusion.ranked(), limit);
		boolean covered = false;
		for (int i = 0; i < wordings.size() && !covered; i++) {
			Nearest found = nearest.get(i);
			covered = (found.space() == null) ? !hits.isEmpty() // keywords alone: any keyword match counts
					: this.coverage.covers(found.space(), found.hits(), namesCodeOf(wordings.get(i), hits));
		}
		return new Retrieval(hits, covered);
	}

	/** Adds one wording's rankings to the fusion; returns its nearest passages by vector (none without a model). */
	private Nearest searchInto(ScoreFusion fusion, String query, int candidates, SearchMode mode) {
		if (query == null || query.isBlank()) {
			throw new IllegalArgumentException("the query is empty");
		}
		Language language = Language.of(query);
		double bm25Weight = (mode == SearchMode.HYBRID) ? this.settings.bm25Weight(language) : 1.0;
		if (mode != SearchMode.VECTOR) {
			fusion.add(this.store.keywordSearch(query, candidates), bm25Weight, SearchMode.BM25.tag());
		}
		if (mode == SearchMode.BM25) {
			return Nearest.NONE;
		}
		VectorSpace space = this.spaces.forLanguage(language);
		float[] vector = queryVector(space, query, mode);
		if (vector == null) {
			return Nearest.NONE;
		}
		List<StoreHit> nearest = this.store.vectorSearch(space.name(), vector, candidates);
		fusion.add(nearest, (mode == SearchMode.HYBRID) ? 1 - bm25Weight : 1.0, SearchMode.VECTOR.tag());
		return new Nearest(space, nearest);
	}

	private List<SearchHit> hits(List<ScoreFusion.Fused> ranked, int limit) {
		List<SearchHit> hits = new ArrayList<>();
		List<KnowledgeChunk> kept = new ArrayList<>();
		for (ScoreFusion.Fused hit : ranked) {
			if (hit.score < this.settings.minScore() || OverlapFilter.repeats(hit.chunk, kept)) {
				continue;
			}
			kept.add(hit.chunk);
			hits.add(new SearchHit(hit.chunk.documentId(), hit.chunk.chunkId(), hit.chunk.title(),
					hit.chunk.headingPath(), hit.chunk.text(), hit.chunk.source(), hit.chunk.page(), hit.score,
					List.copyOf(hit.modes)));
			if (hits.size() == limit) {
				break;
			}
		}
		return hits;
	}

	/** The query's vector; in hybrid mode null (keywords alone) when the embedding model is away. */
	private float[] queryVector(VectorSpace space, String query, SearchMode mode) {
		try {
			return space.embedder().embedQuery(query);
		}
		catch (EmbeddingUnavailableException ex) {
			if (mode == SearchMode.VECTOR) {
				throw ex;
			}
			logger.warn("Searching by keywords only: {}", ex.getMessage());
			return null;
		}
	}

	/** Whether the query names a product or error code that a passage contains (short questions like "E-1023"). */
	private static boolean namesCodeOf(String query, List<SearchHit> hits) {
		for (String code : ProductCodes.in(query)) {
			for (SearchHit hit : hits) {
				if (hit.text().toLowerCase(Locale.ROOT).contains(code)) {
					return true;
				}
			}
		}
		return false;
	}

	/** The vector space one wording was searched in (null when none) and its nearest passages there. */
	private record Nearest(VectorSpace space, List<StoreHit> hits) {

		static final Nearest NONE = new Nearest(null, List.of());

	}

}
