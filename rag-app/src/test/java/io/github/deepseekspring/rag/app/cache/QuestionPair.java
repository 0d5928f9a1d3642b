package io.github.deepseekspring.rag.app.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A labelled pair of customer questions ({@code src/test/resources/cache-pairs/README.md}): whether one answer serves
 * both.
 *
 * @param a one question
 * @param b the other
 * @param same whether a cached answer to one may be served for the other
 * @param kind paraphrase, colloquial, reordered (same); near-miss-entity, near-miss-number, near-miss-intent,
 * negation, related, unrelated (not the same)
 * @param lang zh or en
 */
record QuestionPair(String a, String b, boolean same, String kind, String lang) {

	/** The kinds that an embedding alone tends to take for the same question. */
	static final Set<String> HARD_NEGATIVES = Set.of("near-miss-entity", "near-miss-number", "near-miss-intent",
			"negation");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static List<QuestionPair> read(String resource) {
		try (InputStream in = QuestionPair.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("missing test resource " + resource);
			}
			return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
				.filter((line) -> !line.isBlank())
				.map(QuestionPair::parse)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static QuestionPair parse(String line) {
		JsonNode pair = JSON.readTree(line);
		return new QuestionPair(pair.path("a").asString(), pair.path("b").asString(), pair.path("same").asBoolean(),
				pair.path("kind").asString(), pair.path("lang").asString());
	}

}
