package io.github.deepseekspring.rag.embedding;

import java.util.List;

/** Turns text into vectors for kNN retrieval. Vectors are unit length, so cosine similarity is a dot product. */
public interface EmbeddingService {

	/** Vectors of passages to index, in input order. */
	List<float[]> embedPassages(List<String> passages);

	/** Vector of a search query (models such as bge add a retrieval instruction to short queries). */
	float[] embedQuery(String query);

	/** Number of dimensions of every vector. */
	int dimensions();

}
