package io.github.deepseekspring.rag.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.github.deepseekspring.rag.embedding.VectorSpace;
import io.github.deepseekspring.rag.embedding.VectorSpaces;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import io.github.deepseekspring.rag.store.StoreHit;
import io.github.deepseekspring.rag.text.Language;

/**
 * Decides whether the knowledge base has anything for a question, calibrated per embedding model and knowledge base
 * from the model's own scores rather than a fixed threshold: a set of questions that are certainly not about any
 * customer-service knowledge base (the weather, a poem, a recipe; in Chinese and English) is searched in each vector
 * space, and a question counts as covered when its closest passage is at least as similar as the median of those
 * probes' closest passages, or when it names a product or error code a passage holds. Every embedding model has its
 * own similarity scale (bge models put unrelated texts near 0.7), which is why the floor is measured, not set.
 *
 * <p>The gate is meant to let every answerable question through: questions close to a covered topic that ask for a
 * detail the documents do not give look the same to retrieval, and are the model's to refuse. The floor is measured
 * again when a document was added, replaced or removed, checked at most once per {@link #RECALIBRATION_INTERVAL}.
 */
final class CoverageGate {

	/** How long a measured floor is trusted before the store's size is checked for changes. */
	static final Duration RECALIBRATION_INTERVAL = Duration.ofSeconds(30);

	private static final List<String> PROBES = probes();

	private final KnowledgeStore store;

	private final VectorSpaces spaces;

	private final int candidates;

	private final Clock clock;

	private final Map<String, Floor> floors = new ConcurrentHashMap<>();

	private final Map<String, float[][]> probeVectors = new ConcurrentHashMap<>();

	CoverageGate(KnowledgeStore store, VectorSpaces spaces, int candidates, Clock clock) {
		this.store = store;
		this.spaces = spaces;
		this.candidates = candidates;
		this.clock = clock;
	}

	/**
	 * @param space the space the question was searched in
	 * @param nearest the question's nearest passages in that space, best first
	 * @param namesStoredCode whether the question names a product or error code a passage holds
	 */
	boolean covers(VectorSpace space, List<StoreHit> nearest, boolean namesStoredCode) {
		if (namesStoredCode) {
			return true;
		}
		return !nearest.isEmpty() && nearest.get(0).score() >= floor(space);
	}

	/** The similarity a question needs in {@code space}: the median of the probes' closest passages. */
	double floor(VectorSpace space) {
		Instant now = this.clock.instant();
		Floor current = this.floors.get(space.name());
		if (current != null && now.isBefore(current.checkAfter())) {
			return current.value();
		}
		String contents = contents();
		if (current != null && current.contents().equals(contents)) {
			this.floors.put(space.name(), new Floor(current.value(), contents, now.plus(RECALIBRATION_INTERVAL)));
			return current.value();
		}
		double value = measure(space);
		this.floors.put(space.name(), new Floor(value, contents, now.plus(RECALIBRATION_INTERVAL)));
		return value;
	}

	/**
	 * What the knowledge base holds, as the stored versions of its documents: a document replaced by one of the same
	 * size changes it too, where a count of chunks would not.
	 */
	private String contents() {
		return this.store.documents()
			.stream()
			.map((document) -> document.documentId() + "@" + document.documentHash())
			.sorted()
			.collect(Collectors.joining(","));
	}

	private double measure(VectorSpace space) {
		float[][] vectors = this.probeVectors.computeIfAbsent(space.name(), (name) -> embedProbes(space));
		double[] nearest = new double[vectors.length];
		for (int i = 0; i < vectors.length; i++) {
			List<StoreHit> hits = this.store.vectorSearch(space.name(), vectors[i], this.candidates);
			nearest[i] = hits.isEmpty() ? 0 : hits.get(0).score();
		}
		Arrays.sort(nearest);
		return (nearest.length == 0) ? 0 : nearest[(nearest.length - 1) / 2];
	}

	/** The probes in the languages this space is searched for. */
	private float[][] embedProbes(VectorSpace space) {
		List<String> mine = PROBES.stream().filter((probe) -> this.spaces.forQuery(probe) == space).toList();
		return mine.stream().map((probe) -> space.embedder().embedQuery(probe)).toArray(float[][]::new);
	}

	private static List<String> probes() {
		try (InputStream in = CoverageGate.class.getResourceAsStream("coverage-probes.txt")) {
			if (in == null) {
				throw new IllegalStateException("coverage-probes.txt is missing from the library");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Floor(double value, String contents, Instant checkAfter) {
	}

}
