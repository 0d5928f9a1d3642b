package io.github.deepseekspring.rag.retrieval;

import java.util.List;

import io.github.deepseekspring.rag.store.KnowledgeChunk;

/**
 * Recognises a chunk that mostly repeats one already kept: a neighbour in the same document whose shared overlap
 * is at least half of its text, or a text contained in a kept one.
 */
final class OverlapFilter {

	private OverlapFilter() {
	}

	static boolean repeats(KnowledgeChunk candidate, List<KnowledgeChunk> kept) {
		for (KnowledgeChunk other : kept) {
			if (!other.documentId().equals(candidate.documentId())) {
				continue;
			}
			if (other.text().contains(candidate.text())) {
				return true;
			}
			if (Math.abs(other.chunkIndex() - candidate.chunkIndex()) == 1) {
				int shared = Math.max(sharedEdge(other.text(), candidate.text()),
						sharedEdge(candidate.text(), other.text()));
				if (shared * 2 >= candidate.text().length()) {
					return true;
				}
			}
		}
		return false;
	}

	/** Length of the longest end of {@code first} that starts {@code second}. */
	private static int sharedEdge(String first, String second) {
		for (int length = Math.min(first.length(), second.length()); length > 0; length--) {
			if (first.regionMatches(first.length() - length, second, 0, length)) {
				return length;
			}
		}
		return 0;
	}

}
