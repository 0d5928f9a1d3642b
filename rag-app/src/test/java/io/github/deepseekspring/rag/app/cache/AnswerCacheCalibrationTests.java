package io.github.deepseekspring.rag.app.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.github.deepseekspring.rag.KnowledgeBase;
import io.github.deepseekspring.rag.app.chat.ChatProperties;
import io.github.deepseekspring.rag.app.chat.KnowledgeLookup;
import io.github.deepseekspring.rag.app.chat.Language;
import io.github.deepseekspring.rag.autoconfigure.RagAutoConfiguration;
import io.github.deepseekspring.rag.embedding.UnitVectors;
import io.github.deepseekspring.rag.embedding.VectorSpace;
import io.github.deepseekspring.rag.embedding.VectorSpaces;
import io.github.deepseekspring.rag.retrieval.QuestionRetriever;
import io.github.deepseekspring.rag.retrieval.SearchHit;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import org.flywaydb.core.Flyway;
import org.h2.Driver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Calibration and measurement of the answer cache's semantic match on labelled question pairs about three knowledge
 * bases ({@code src/test/resources/cache-pairs/README.md}). Each pair is tried both ways: one question's answer is
 * cached (citing the passage ranked first for it), then the other is asked. The threshold is chosen on the dev pairs
 * alone (the sweep printed first: one step above the most similar dev pair that differs and that the matcher would otherwise serve); the
 * held-out pairs are then answered by the real {@link AnswerCache} on an H2 database with its default settings, and
 * the same run measures the matcher before the question-specifics guard (cosine and the rule that cited passages must
 * be retrieved) as the baseline. Floors on the held-out figures catch regressions; the tables go to standard out and
 * to {@code target/answer-cache-calibration.md}.
 */
class AnswerCacheCalibrationTests {

	private static final double[] SWEEP = { 0.80, 0.82, 0.84, 0.85, 0.86, 0.87, 0.88, 0.89, 0.90, 0.91, 0.92, 0.94,
			0.96, 0.98 };

	private static final List<String> KINDS = List.of("paraphrase", "colloquial", "reordered", "near-miss-entity",
			"near-miss-number", "near-miss-intent", "negation", "related", "unrelated");

	private static final ChatProperties CHAT = new ChatProperties(null, null, null, null, null, null, null, null, null,
			null, null, null, null);

	private static final AnswerCacheProperties DEFAULTS = new AnswerCacheProperties(null, null, null, null);

	@TempDir
	Path dataDir;

	@Test
	@Timeout(value = 8, unit = TimeUnit.MINUTES) // three knowledge bases ingested, 960 questions: about 2 minutes
	void servesParaphrasesAndRefusesQuestionsThatAskSomethingElse() throws IOException {
		List<Trial> dev = new ArrayList<>();
		List<Trial> heldout = new ArrayList<>();
		measure("zh-broadband", "classpath:/eval-kb/zh-broadband/docs/*", dev, heldout);
		measure("en-smarthome", "classpath:/eval-kb/en-smarthome/docs/*", dev, heldout);
		measure("sample-kb", "classpath:/sample-kb/*", dev, heldout);

		StringBuilder report = new StringBuilder();
		report.append(sweep(dev)).append('\n').append(byKind(heldout)).append('\n').append(byLanguage(heldout));
		System.out.println(report);
		Path target = Path.of("target");
		if (Files.isDirectory(target)) {
			Files.writeString(target.resolve("answer-cache-calibration.md"), report, StandardCharsets.UTF_8);
		}

		// the default is the calibrated threshold: one step (0.01) above the most similar differing dev pair that the
		// guard and the retrieval rule let through, so no dev pair that differs is served, with a margin
		double closest = dev.stream()
			.filter((trial) -> !trial.pair().same() && trial.matched(-1))
			.mapToDouble(Trial::similarity)
			.max()
			.orElseThrow();
		assertThat(DEFAULTS.similarity()).isCloseTo(Math.ceil(closest * 100) / 100 + 0.01, within(1e-9));
		// the real cache decides as the components measured in the sweep do
		assertThat(dev).allSatisfy((trial) -> assertThat(trial.served()).as(trial.toString())
			.isEqualTo(trial.matched(DEFAULTS.similarity())));

		List<Trial> differing = heldout.stream().filter((trial) -> !trial.pair().same()).toList();
		List<Trial> same = heldout.stream().filter((trial) -> trial.pair().same()).toList();
		// measured on the held-out pairs: 7 of 330 differing trials served (6 near-miss-entity, 1 near-miss-intent),
		// 117 before the guard; 83 of 270 same trials served (31%). See BENCHMARKS.md.
		assertThat(differing.stream().filter(Trial::served).count()).as("held-out differing pairs served")
			.isLessThanOrEqualTo(10);
		assertThat(differing.stream()
			.filter((trial) -> Set.of("near-miss-number", "negation").contains(trial.pair().kind()))
			.filter(Trial::served)
			.count()).as("held-out pairs with another number or a negation served").isLessThanOrEqualTo(2);
		assertThat(rate(same, Trial::served)).as("held-out same pairs served").isGreaterThanOrEqualTo(0.27);
		assertThat(differing.stream().filter((trial) -> trial.matchedBefore(DEFAULTS.similarity())).count())
			.as("the guard must refuse what cosine alone serves")
			.isGreaterThan(10 * differing.stream().filter(Trial::served).count());
	}

	private void measure(String name, String documents, List<Trial> dev, List<Trial> heldout) {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RagAutoConfiguration.class))
			.withPropertyValues("deepseek.rag.store=lucene", "deepseek.rag.data-dir=" + this.dataDir.resolve(name))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				context.getBean(KnowledgeBase.class).ingestAll(resources(documents));
				VectorSpaces spaces = MemoisedEmbedder.of(context.getBean(VectorSpaces.class));
				Bench bench = new Bench(name, spaces,
						new KnowledgeLookup(context.getBean(QuestionRetriever.class), spaces, CHAT),
						cache(context.getBean(KnowledgeStore.class), spaces, name));
				dev.addAll(bench.trials(QuestionPair.read("/cache-pairs/" + name + "/pairs-dev.jsonl")));
				heldout.addAll(bench.trials(QuestionPair.read("/cache-pairs/" + name + "/pairs-heldout.jsonl")));
			});
	}

	private static Cache cache(KnowledgeStore knowledge, VectorSpaces spaces, String name) {
		SimpleDriverDataSource database = new SimpleDriverDataSource(new Driver(),
				"jdbc:h2:mem:cache-calibration-" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(database).load().migrate();
		AnswerCacheStore store = new AnswerCacheStore(JdbcClient.create(database), JsonMapper.builder().build());
		return new Cache(store, new AnswerCache(store, knowledge, spaces, DEFAULTS, Clock.systemUTC()));
	}

	private record Cache(AnswerCacheStore store, AnswerCache cache) {

	}

	/** One knowledge base's lookup and cache, and the trials of its pairs. */
	private record Bench(String name, VectorSpaces spaces, KnowledgeLookup lookup, Cache cache,
			Map<String, KnowledgeLookup.Found> found) {

		Bench(String name, VectorSpaces spaces, KnowledgeLookup lookup, Cache cache) {
			this(name, spaces, lookup, cache, new ConcurrentHashMap<>());
		}

		List<Trial> trials(List<QuestionPair> pairs) {
			List<Trial> trials = new ArrayList<>();
			for (QuestionPair pair : pairs) {
				trials.add(trial(pair, pair.a(), pair.b()));
				trials.add(trial(pair, pair.b(), pair.a()));
			}
			return trials;
		}

		/** The answer to {@code cached} is in the cache; {@code asked} comes. */
		private Trial trial(QuestionPair pair, String cached, String asked) {
			KnowledgeLookup.Found first = find(cached);
			KnowledgeLookup.Found then = find(asked);
			String language = Language.detect(asked, CHAT.englishMaxCjkRatio()).name();
			boolean sameLanguage = language.equals(Language.detect(cached, CHAT.englishMaxCjkRatio()).name());
			VectorSpace space = this.spaces.forQuery(asked);
			boolean sameSpace = sameLanguage && space.name().equals(this.spaces.forQuery(cached).name());
			double similarity = sameSpace ? UnitVectors.dot(embed(space, cached), embed(space, asked)) : -1;
			boolean exact = sameLanguage && CacheKeys.key(language, cached).equals(CacheKeys.key(language, asked));
			boolean covered = first.covered() && then.covered();
			SearchHit cited = covered ? first.passages().get(0) : null;
			boolean retrieved = covered && chunks(then).contains(cited.chunkId());
			boolean specifics = AnswerCache.sameSpecifics(asked, cached);
			boolean numbersAndNames = QuestionSpecifics.of(asked).sameAs(QuestionSpecifics.of(cached));
			boolean served = covered && serve(cached, asked, language, cited, then);
			return new Trial(this.name, pair, similarity, exact, covered && retrieved, numbersAndNames, specifics,
					served);
		}

		private boolean serve(String cached, String asked, String language, SearchHit cited,
				KnowledgeLookup.Found then) {
			this.cache.store().deleteAll();
			String cachedLanguage = Language.detect(cached, CHAT.englishMaxCjkRatio()).name();
			this.cache.cache()
				.put(new CacheEntryDraft(cached, cachedLanguage, "A cached answer [1].", "[]", List.of(cited.chunkId()),
						List.of(cited.documentId()), BigDecimal.ONE));
			return this.cache.cache().find(new CacheQuery(asked, language, chunks(then))).isPresent();
		}

		private KnowledgeLookup.Found find(String question) {
			return this.found.computeIfAbsent(question, (key) -> this.lookup.find(key, List.of()));
		}

		private static Set<String> chunks(KnowledgeLookup.Found found) {
			return found.passages().stream().map(SearchHit::chunkId).collect(Collectors.toSet());
		}

		private static float[] embed(VectorSpace space, String question) {
			return space.embedder().embedPassages(List.of(question.strip())).get(0);
		}

	}

	/**
	 * One direction of a pair.
	 *
	 * @param retrieved both questions are covered and the passage the cached answer cited is among those retrieved
	 * for the asked one
	 * @param numbersAndNames the questions name the same numbers and names and negate alike
	 * @param specifics that, and they are not one wording with words swapped (the whole guard)
	 * @param served whether the real cache served the cached answer (default settings)
	 */
	private record Trial(String knowledgeBase, QuestionPair pair, double similarity, boolean exact, boolean retrieved,
			boolean numbersAndNames, boolean specifics, boolean served) {

		/** What the matcher serves at a threshold. */
		boolean matched(double threshold) {
			return this.retrieved && (this.exact || (this.similarity >= threshold && this.specifics));
		}

		/** What the matcher served with the numbers-and-names half of the guard alone. */
		boolean matchedWithoutSwaps(double threshold) {
			return this.retrieved && (this.exact || (this.similarity >= threshold && this.numbersAndNames));
		}

		/** What the matcher before the guard served: cosine and the retrieval rule. */
		boolean matchedBefore(double threshold) {
			return this.retrieved && (this.exact || this.similarity >= threshold);
		}

	}

	private static String sweep(List<Trial> dev) {
		long same = dev.stream().filter((trial) -> trial.pair().same()).count();
		long hard = dev.stream().filter((trial) -> QuestionPair.HARD_NEGATIVES.contains(trial.pair().kind())).count();
		long other = dev.size() - same - hard;
		StringBuilder table = new StringBuilder(String.format(
				"Dev pairs (%d trials: %d same, %d near-miss or negation, %d related or unrelated), by threshold%n%n",
				dev.size(), same, hard, other));
		table.append("| threshold | cosine: same served | cosine: near-miss served | cosine: other served "
				+ "| guarded: same served | guarded: near-miss served | guarded: other served |\n");
		table.append("|---|---|---|---|---|---|---|\n");
		for (double threshold : SWEEP) {
			table.append(String.format("| %.2f | %s | %s | %s | %s | %s | %s |%n", threshold,
					share(dev, Trial::pair, QuestionPair::same, (trial) -> trial.matchedBefore(threshold)),
					share(dev, Trial::pair, (pair) -> QuestionPair.HARD_NEGATIVES.contains(pair.kind()),
							(trial) -> trial.matchedBefore(threshold)),
					share(dev, Trial::pair, AnswerCacheCalibrationTests::otherNegative,
							(trial) -> trial.matchedBefore(threshold)),
					share(dev, Trial::pair, QuestionPair::same, (trial) -> trial.matched(threshold)),
					share(dev, Trial::pair, (pair) -> QuestionPair.HARD_NEGATIVES.contains(pair.kind()),
							(trial) -> trial.matched(threshold)),
					share(dev, Trial::pair, AnswerCacheCalibrationTests::otherNegative,
							(trial) -> trial.matched(threshold))));
		}
		return table.toString();
	}

	private static boolean otherNegative(QuestionPair pair) {
		return !pair.same() && !QuestionPair.HARD_NEGATIVES.contains(pair.kind());
	}

	private static String byKind(List<Trial> heldout) {
		double threshold = DEFAULTS.similarity();
		StringBuilder table = new StringBuilder(String.format(
				"Held-out pairs at similarity %.2f, served by kind, each half of the guard added in turn%n%n",
				threshold));
		table.append("| kind | same | trials | cosine + retrieval rule | + numbers, names, negation "
				+ "| + swapped words (the cache) |\n");
		table.append("|---|---|---|---|---|---|\n");
		for (String kind : KINDS) {
			List<Trial> trials = heldout.stream().filter((trial) -> trial.pair().kind().equals(kind)).toList();
			table.append(String.format("| %s | %s | %d | %s | %s | %s |%n", kind, trials.get(0).pair().same(),
					trials.size(), count(trials, (trial) -> trial.matchedBefore(threshold)),
					count(trials, (trial) -> trial.matchedWithoutSwaps(threshold)), count(trials, Trial::served)));
		}
		List<Trial> differing = heldout.stream().filter((trial) -> !trial.pair().same()).toList();
		table.append(String.format("| **all differing** | false | %d | %s | %s | %s |%n", differing.size(),
				count(differing, (trial) -> trial.matchedBefore(threshold)),
				count(differing, (trial) -> trial.matchedWithoutSwaps(threshold)), count(differing, Trial::served)));
		return table.toString();
	}

	private static String byLanguage(List<Trial> heldout) {
		double threshold = DEFAULTS.similarity();
		StringBuilder table = new StringBuilder(String.format("Held-out pairs by knowledge base and language%n%n"));
		table.append("| knowledge base | language | same served (true hits) | differing served (false hits) "
				+ "| false hits before the guard |\n");
		table.append("|---|---|---|---|---|\n");
		heldout.stream()
			.map((trial) -> trial.knowledgeBase() + "|" + trial.pair().lang())
			.distinct()
			.forEach((key) -> {
				List<Trial> trials = heldout.stream()
					.filter((trial) -> key.equals(trial.knowledgeBase() + "|" + trial.pair().lang()))
					.toList();
				List<Trial> same = trials.stream().filter((trial) -> trial.pair().same()).toList();
				List<Trial> differing = trials.stream().filter((trial) -> !trial.pair().same()).toList();
				String[] parts = key.split("\\|");
				table.append(String.format("| %s | %s | %s | %s | %s |%n", parts[0], parts[1],
						count(same, Trial::served), count(differing, Trial::served),
						count(differing, (trial) -> trial.matchedBefore(threshold))));
			});
		for (String language : List.of("zh", "en")) {
			List<Trial> trials = heldout.stream().filter((trial) -> trial.pair().lang().equals(language)).toList();
			table.append(String.format("| **all** | %s | %s | %s | %s |%n", language,
					count(trials.stream().filter((trial) -> trial.pair().same()).toList(), Trial::served),
					count(trials.stream().filter((trial) -> !trial.pair().same()).toList(), Trial::served),
					count(trials.stream().filter((trial) -> !trial.pair().same()).toList(),
							(trial) -> trial.matchedBefore(threshold))));
		}
		return table.toString();
	}

	private static <T> String share(List<Trial> trials, java.util.function.Function<Trial, T> key, Predicate<T> which,
			Predicate<Trial> served) {
		return count(trials.stream().filter((trial) -> which.test(key.apply(trial))).toList(), served);
	}

	private static String count(List<Trial> trials, Predicate<Trial> served) {
		long n = trials.stream().filter(served).count();
		return String.format("%d/%d (%.0f%%)", n, trials.size(), trials.isEmpty() ? 0.0 : 100.0 * n / trials.size());
	}

	private static double rate(List<Trial> trials, Predicate<Trial> served) {
		return (double) trials.stream().filter(served).count() / trials.size();
	}

	private static List<Resource> resources(String pattern) {
		try {
			return Arrays.stream(new PathMatchingResourcePatternResolver().getResources(pattern))
				.filter((resource) -> !resource.getFilename().endsWith(".json"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
