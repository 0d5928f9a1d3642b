package io.github.deepseekspring.rag.retrieval;

import java.util.List;

import io.github.deepseekspring.rag.store.KnowledgeChunk;
import io.github.deepseekspring.rag.store.StoreHit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScoreFusionTests {

	@Test
	void scoresAreScaledPerRankingAndWeighted() {
		List<ScoreFusion.Fused> ranked = new ScoreFusion()
			.add(List.of(hit("a", 12.0), hit("b", 6.0), hit("c", 2.0)), 0.4, "bm25")
			.add(List.of(hit("b", 0.91), hit("c", 0.90), hit("a", 0.70)), 0.6, "vector")
			.ranked();

		// a: 0.4 * 1 + 0.6 * 0; b: 0.4 * 0.4 + 0.6 * 1; c: 0.4 * 0 + 0.6 * (0.20 / 0.21)
		assertThat(ranked).extracting((hit) -> hit.chunk.chunkId()).containsExactly("b", "c", "a");
		assertThat(ranked.get(0).score).isCloseTo(0.76, within(1e-9));
		assertThat(ranked.get(0).modes).containsExactly("bm25", "vector");
	}

	@Test
	void codeMatchesComeFirstAndTheirBoostDoesNotFlattenTheOthers() {
		List<ScoreFusion.Fused> ranked = new ScoreFusion()
			.add(List.of(new StoreHit(chunk("code"), 1003.0, true), hit("near", 3.0), hit("far", 1.0)), 1.0, "bm25")
			.ranked();

		assertThat(ranked).extracting((hit) -> hit.chunk.chunkId()).containsExactly("code", "near", "far");
		assertThat(ranked).extracting((hit) -> hit.score).containsExactly(1.0, 1.0, 0.0);

		List<ScoreFusion.Fused> codes = new ScoreFusion()
			.add(List.of(new StoreHit(chunk("weak"), 1002.0, true), new StoreHit(chunk("strong"), 1001.0, true),
					hit("other", 5.0)), 0.4, "bm25")
			.add(List.of(hit("strong", 0.9), hit("other", 0.8), hit("weak", 0.2)), 0.6, "vector")
			.ranked();
		assertThat(codes).extracting((hit) -> hit.chunk.chunkId()).containsExactly("strong", "weak", "other");
		assertThat(codes.get(1).score).as("a code match is never under 0.5").isGreaterThanOrEqualTo(0.5);
	}

	@Test
	void anEmptyRankingOrWeightAddsNothingAndSeveralWordingsAverage() {
		List<ScoreFusion.Fused> ranked = new ScoreFusion().add(List.of(), 0.5, "bm25")
			.add(List.of(hit("a", 0.9), hit("b", 0.5)), 0.5, "vector")
			.add(List.of(hit("b", 0.8), hit("a", 0.4)), 0.5, "vector")
			.add(List.of(hit("c", 5.0)), 0, "bm25")
			.ranked();

		assertThat(ranked).extracting((hit) -> hit.score).containsExactly(0.5, 0.5);
	}

	private static StoreHit hit(String id, double score) {
		return new StoreHit(chunk(id), score, false);
	}

	private static KnowledgeChunk chunk(String id) {
		return new KnowledgeChunk(id, "doc-" + id, 0, "t", null, "text " + id, null, null, null, null, (float[]) null);
	}

}
