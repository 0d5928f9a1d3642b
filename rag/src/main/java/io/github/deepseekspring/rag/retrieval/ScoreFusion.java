package io.github.deepseekspring.rag.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.deepseekspring.rag.store.KnowledgeChunk;
import io.github.deepseekspring.rag.store.StoreHit;

/**
 * Convex fusion of rankings whose scores are not comparable (BM25, cosine similarity): each ranking's scores are
 * scaled to [0, 1] between its last and its first hit, then summed with weights that add up to 1, so a fused 1 means
 * first in every ranking. Chunks that hold a product or error code the question names come first whatever their
 * score. Unlike reciprocal-rank fusion, a ranking whose top hits are close keeps them close, so a weak ranking cannot
 * reorder a strong one's near-ties by rank alone.
 */
final class ScoreFusion {

	private final Map<String, Fused> fused = new LinkedHashMap<>();

	private double totalWeight;

	/** Adds one ranking with its weight; an empty ranking (or weight) adds nothing. */
	ScoreFusion add(List<StoreHit> hits, double weight, String mode) {
		if (hits.isEmpty() || weight <= 0) {
			return this;
		}
		this.totalWeight += weight;
		// A code match's boost would squash every other score to nothing; codes are ranked first anyway.
		double max = hits.stream().filter((hit) -> !hit.exactCodeMatch()).mapToDouble(StoreHit::score).max()
			.orElse(hits.get(0).score());
		double min = hits.get(hits.size() - 1).score();
		for (StoreHit hit : hits) {
			double scaled = (max > min) ? Math.min(1.0, (hit.score() - min) / (max - min)) : 1.0;
			Fused entry = this.fused.computeIfAbsent(hit.chunk().chunkId(), (id) -> new Fused(hit.chunk()));
			entry.score += weight * scaled;
			entry.exactCodeMatch |= hit.exactCodeMatch();
			entry.modes.add(mode);
		}
		return this;
	}

	/**
	 * The fused chunks, codes first, then by fused score (in [0, 1]), best first. A chunk that holds a code the
	 * question names is ranked first by rule, and scores at least 0.5 so that no relevance threshold drops it; among
	 * such chunks the searches' fused score still decides.
	 */
	List<Fused> ranked() {
		List<Fused> ranked = new ArrayList<>(this.fused.values());
		for (Fused hit : ranked) {
			double fused = (this.totalWeight > 0) ? hit.score / this.totalWeight : 0;
			hit.score = hit.exactCodeMatch ? 0.5 + fused / 2 : fused;
		}
		ranked.sort(Comparator.comparing((Fused hit) -> !hit.exactCodeMatch)
			.thenComparing(Comparator.comparingDouble((Fused hit) -> hit.score).reversed()));
		return ranked;
	}

	/** One chunk's fused score and where it was found. */
	static final class Fused {

		final KnowledgeChunk chunk;

		final List<String> modes = new ArrayList<>(2);

		double score;

		boolean exactCodeMatch;

		Fused(KnowledgeChunk chunk) {
			this.chunk = chunk;
		}

	}

}
