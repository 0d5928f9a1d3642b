package io.github.deepseekspring.rag.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.deepseekspring.rag.embedding.Embedder;
import io.github.deepseekspring.rag.embedding.EmbeddingUnavailableException;
import io.github.deepseekspring.rag.store.KnowledgeChunk;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import io.github.deepseekspring.rag.store.StoreHit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hybrid retrieval computed in the application: BM25 and kNN over the same chunks, fused by weighted
 * reciprocal-rank fusion (the free Elasticsearch distribution has no {@code rrf} retriever, and ranks, unlike BM25
 * and cosine scores, are comparable), then exact code matches first, a relevance threshold, and de-duplication of
 * overlapping neighbour chunks.
 */
public class HybridRetriever {

	private static final Logger logger = LoggerFactory.getLogger(HybridRetriever.class);

	private final KnowledgeStore store;

	private final Embedder embeddings;

	private final RetrievalSettings settings;

	public HybridRetriever(KnowledgeStore store, Embedder embeddings, RetrievalSettings settings) {
		this.store = store;
		this.embeddings = embeddings;
		this.settings = settings;
	}

	public List<SearchHit> search(String query, int limit, SearchMode mode) {
		if (query == null || query.isBlank()) {
			throw new IllegalArgumentException("the query is empty");
		}
		int candidates = Math.max(limit, this.settings.candidates());
		Map<String, Fused> fused = new LinkedHashMap<>();
		double maxScore = 0;
		if (mode != SearchMode.VECTOR) {
			add(fused, this.store.keywordSearch(query, candidates), this.settings.bm25Weight(), SearchMode.BM25);
			maxScore += this.settings.bm25Weight();
		}
		if (mode != SearchMode.BM25) {
			float[] vector = queryVector(query, mode);
			if (vector != null) {
				add(fused, this.store.vectorSearch(vector, candidates), this.settings.vectorWeight(), SearchMode.VECTOR);
				maxScore += this.settings.vectorWeight();
			}
		}
		double normaliser = maxScore / (this.settings.rrfK() + 1);
		List<Fused> ranked = new ArrayList<>(fused.values());
		ranked.sort(Comparator.comparing((Fused hit) -> !hit.exactCodeMatch)
			.thenComparing(Comparator.comparingDouble((Fused hit) -> hit.score).reversed()));
		List<SearchHit> hits = new ArrayList<>();
		List<KnowledgeChunk> kept = new ArrayList<>();
		for (Fused hit : ranked) {
			double score = hit.score / normaliser;
			if (score < this.settings.minScore() || OverlapFilter.repeats(hit.chunk, kept)) {
				continue;
			}
			kept.add(hit.chunk);
			hits.add(new SearchHit(hit.chunk.documentId(), hit.chunk.chunkId(), hit.chunk.title(),
					hit.chunk.headingPath(), hit.chunk.text(), hit.chunk.source(), hit.chunk.page(), score,
					List.copyOf(hit.modes)));
			if (hits.size() == limit) {
				break;
			}
		}
		return hits;
	}

	/** The query's vector; in hybrid mode null (keywords alone) when the embedding model is away. */
	private float[] queryVector(String query, SearchMode mode) {
		try {
			return this.embeddings.embedQuery(query);
		}
		catch (EmbeddingUnavailableException ex) {
			if (mode == SearchMode.VECTOR) {
				throw ex;
			}
			logger.warn("Searching by keywords only: {}", ex.getMessage());
			return null;
		}
	}

	private void add(Map<String, Fused> fused, List<StoreHit> hits, double weight, SearchMode mode) {
		for (int rank = 0; rank < hits.size(); rank++) {
			StoreHit hit = hits.get(rank);
			Fused entry = fused.computeIfAbsent(hit.chunk().chunkId(), (id) -> new Fused(hit.chunk()));
			entry.score += weight / (this.settings.rrfK() + rank + 1);
			entry.exactCodeMatch |= hit.exactCodeMatch();
			entry.modes.add(mode.tag());
		}
	}

	private static final class Fused {

		private final KnowledgeChunk chunk;

		private final List<String> modes = new ArrayList<>(2);

		private double score;

		private boolean exactCodeMatch;

		Fused(KnowledgeChunk chunk) {
			this.chunk = chunk;
		}

	}

}
