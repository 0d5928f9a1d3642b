package io.github.deepseekspring.rag.embedding;

import java.util.List;

/**
 * Turns text into vectors for kNN retrieval. Vectors are unit length, so cosine similarity is a dot product.
 * Passages and queries are embedded apart because retrieval models such as bge and e5 expect an instruction or prefix
 * before a query that a passage does not carry. {@link EmbeddingModelEmbedder} adapts any Spring AI
 * {@code EmbeddingModel}.
 */
public interface Embedder {

	/** Vectors of passages to index, in input order. */
	List<float[]> embedPassages(List<String> passages);

	/** Vector of a search query. */
	float[] embedQuery(String query);

	/** Number of dimensions of every vector. */
	int dimensions();

	/** The model as a user configures it, for messages such as a refused index ("bge-small-zh-v1.5 (onnx)"). */
	default String description() {
		return getClass().getSimpleName();
	}

}
