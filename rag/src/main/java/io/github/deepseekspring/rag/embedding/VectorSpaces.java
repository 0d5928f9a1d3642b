package io.github.deepseekspring.rag.embedding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.deepseekspring.rag.store.KnowledgeChunk;
import io.github.deepseekspring.rag.text.Language;

/**
 * The knowledge base's embedding models, each in its own {@link VectorSpace}: the {@code default} one (searched for
 * questions no other space serves) and any others, such as an English model beside a Chinese one. Chunks are embedded
 * in all of them; a question is searched in those that serve its language.
 */
public final class VectorSpaces {

	private final List<VectorSpace> spaces;

	private VectorSpaces(List<VectorSpace> spaces) {
		if (spaces.isEmpty() || !spaces.get(0).name().equals(KnowledgeChunk.DEFAULT_SPACE)) {
			throw new IllegalArgumentException("the first vector space must be the default one");
		}
		if (spaces.stream().map(VectorSpace::name).distinct().count() != spaces.size()) {
			throw new IllegalArgumentException("vector space names must differ");
		}
		this.spaces = List.copyOf(spaces);
	}

	/** One model for every text and question. */
	public static VectorSpaces of(Embedder embedder) {
		return new VectorSpaces(List.of(new VectorSpace(KnowledgeChunk.DEFAULT_SPACE, embedder, Set.of())));
	}

	/**
	 * A primary model and others beside it.
	 * @param primary the default space's model, searched for questions no other space serves
	 * @param others further spaces, each naming the question languages it serves
	 */
	public static VectorSpaces of(Embedder primary, List<VectorSpace> others) {
		List<VectorSpace> all = new java.util.ArrayList<>();
		all.add(new VectorSpace(KnowledgeChunk.DEFAULT_SPACE, primary, Set.of()));
		all.addAll(others);
		return new VectorSpaces(all);
	}

	/** Every space, the default one first. */
	public List<VectorSpace> all() {
		return this.spaces;
	}

	/** The default space. */
	public VectorSpace primary() {
		return this.spaces.get(0);
	}

	/**
	 * The space a question in {@code language} is searched in: the first other space that serves the language, else
	 * the default one.
	 */
	public VectorSpace forLanguage(Language language) {
		for (int i = 1; i < this.spaces.size(); i++) {
			if (this.spaces.get(i).serves(language)) {
				return this.spaces.get(i);
			}
		}
		return primary();
	}

	/** The space a question is searched in, by its language. */
	public VectorSpace forQuery(String query) {
		return forLanguage(Language.of(query));
	}

	/** The vector size of each space, as the store is asked to hold them. */
	public Map<String, Integer> dimensions() {
		Map<String, Integer> dimensions = new LinkedHashMap<>();
		this.spaces.forEach((space) -> dimensions.put(space.name(), space.embedder().dimensions()));
		return dimensions;
	}

	/** The models as a user configures them, for messages. */
	public String describe() {
		return String.join(" + ", this.spaces.stream().map((space) -> space.embedder().description()).toList());
	}

}
