package io.github.deepseekspring.rag.embedding;

import java.util.Objects;
import java.util.Set;

import io.github.deepseekspring.rag.text.Language;

/**
 * One embedding model's vectors in the knowledge base: every chunk is embedded in every space, and a query is searched
 * in the spaces that serve its language. Vectors of one model per index field, so models never mix.
 *
 * @param name the space's name, which names its index field ({@code default} for the primary model)
 * @param embedder the model
 * @param queryLanguages the languages of the questions this space is searched for; empty for all
 */
public record VectorSpace(String name, Embedder embedder, Set<Language> queryLanguages) {

	public VectorSpace {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(embedder, "embedder");
		if (!name.matches("[a-z0-9_]+")) {
			throw new IllegalArgumentException("a vector space name is lower-case letters, digits and _, was " + name);
		}
		queryLanguages = Set.copyOf(queryLanguages);
	}

	/** Whether this space is searched for questions in {@code language}. */
	public boolean serves(Language language) {
		return this.queryLanguages.isEmpty() || this.queryLanguages.contains(language);
	}

}
