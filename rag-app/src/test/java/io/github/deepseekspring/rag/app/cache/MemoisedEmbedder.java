package io.github.deepseekspring.rag.app.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.deepseekspring.rag.embedding.Embedder;
import io.github.deepseekspring.rag.embedding.VectorSpace;
import io.github.deepseekspring.rag.embedding.VectorSpaces;

/** An embedder that embeds each question once: a question is embedded by the cache in many trials. */
final class MemoisedEmbedder implements Embedder {

	private final Embedder model;

	private final Map<String, float[]> passages = new ConcurrentHashMap<>();

	private MemoisedEmbedder(Embedder model) {
		this.model = model;
	}

	/** The same spaces, each model memoised. */
	static VectorSpaces of(VectorSpaces spaces) {
		List<VectorSpace> others = new ArrayList<>();
		for (VectorSpace space : spaces.all().subList(1, spaces.all().size())) {
			others.add(new VectorSpace(space.name(), new MemoisedEmbedder(space.embedder()), space.queryLanguages()));
		}
		return VectorSpaces.of(new MemoisedEmbedder(spaces.primary().embedder()), others);
	}

	@Override
	public List<float[]> embedPassages(List<String> texts) {
		return texts.stream()
			.map((text) -> this.passages.computeIfAbsent(text, (key) -> this.model.embedPassages(List.of(key)).get(0)))
			.toList();
	}

	@Override
	public float[] embedQuery(String query) {
		return this.model.embedQuery(query);
	}

	@Override
	public int dimensions() {
		return this.model.dimensions();
	}

}
