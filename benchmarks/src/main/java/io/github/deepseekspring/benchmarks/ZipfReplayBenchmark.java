package io.github.deepseekspring.benchmarks;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.deepseekspring.rag.app.cache.AnswerCache;
import io.github.deepseekspring.testkit.RecordedRequest;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The answer cache on a replay of frequent questions (issue 22): {@code replay.draws} questions (1,000) drawn with a
 * Zipf distribution ({@code replay.zipf-s}, 1.0) from the sample knowledge base's evaluation questions, asked through
 * the app's {@code POST /api/chat} by {@code replay.customers} concurrent customers, once with the cache off (the
 * baseline) and once with it on, each on a freshly started app in this JVM in front of one DeepSeek simulator that
 * takes {@code replay.model-ms} before its first byte. Reports answer modes, cache hits, model calls, the cost in CNY
 * the app accounted, end-to-end latency p50/p95, and false hits.
 *
 * <p>Every question has its own scripted model answer naming the question ({@code Q17}), so an answer served from the
 * cache tells which question it was first given to: a cached answer first given to another question than the one
 * asked is a false hit, unless the two questions of the evaluation set ask the same thing (the run lists every such
 * pair for that judgement).
 *
 * <pre>
 * mvn -o -q -pl benchmarks -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=$PWD/target/bench.cp
 * java -cp "benchmarks/target/classes:$(cat target/bench.cp)" io.github.deepseekspring.benchmarks.ZipfReplayBenchmark
 * </pre>
 */
public final class ZipfReplayBenchmark {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Pattern SOURCE = Pattern.compile("\\bQ(\\d+)\\b");

	private static final int WARM_UP = 40;

	private ZipfReplayBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int draws = Integer.getInteger("replay.draws", 1000);
		double s = Double.parseDouble(System.getProperty("replay.zipf-s", "1.0"));
		long seed = Long.getLong("replay.seed", 22);
		int customers = Integer.getInteger("replay.customers", 8);
		Duration modelTime = Duration.ofMillis(Long.getLong("replay.model-ms", 800));
		List<String> questions = questions(questionsFile());
		ZipfDraws zipf = new ZipfDraws(questions.size(), s, new Random(seed));
		List<Integer> warmUp = zipf.draw(WARM_UP);
		List<Integer> replay = zipf.draw(draws);
		System.out.printf("Zipf replay: %d questions drawn with s=%.1f (seed %d) from %d, %d distinct; %d customers; "
				+ "the model takes %d ms to its first byte%n", draws, s, seed, questions.size(),
				replay.stream().distinct().count(), customers, modelTime.toMillis());

		try (DeepSeekSimulator simulator = DeepSeekSimulator.start()) {
			script(simulator, questions);
			simulator.faults().stallBeforeFirstByte(modelTime);
			Run off = replay(simulator, false, questions, warmUp, replay, customers);
			Run on = replay(simulator, true, questions, warmUp, replay, customers);
			report(questions, off, on);
		}
	}

	/**
	 * Every question's answer names the question; its rewriting for the search (one short call per question, which
	 * the app remembers) keeps it as asked. Scripts are added shortest question first, as the last added match wins:
	 * "YF-BE7200" must not answer a longer question that starts with it.
	 */
	private static void script(DeepSeekSimulator simulator, List<String> questions) {
		List<Integer> byLength = new ArrayList<>();
		for (int i = 0; i < questions.size(); i++) {
			byLength.add(i);
		}
		byLength.sort(Comparator.comparingInt((Integer i) -> questions.get(i).length()));
		for (int i : byLength) {
			String question = questions.get(i);
			simulator.onUserMessage("Latest question: " + question, ScriptedReply
				.text(json.writeValueAsString(Map.of("standalone", question, "translation", question))));
			// The question inside its delimiters in the answer's prompt.
			simulator.onUserMessage("<question>\n" + question + "\n</question>",
					ScriptedReply.text("Q" + i + " 的答案见资料 [1]。"));
		}
	}

	private static Run replay(DeepSeekSimulator simulator, boolean cache, List<String> questions, List<Integer> warmUp,
			List<Integer> replay, int customers) throws Exception {
		Path dataDir = Files.createTempDirectory("zipf-replay-" + (cache ? "on" : "off"));
		try (ConfigurableApplicationContext app = InProcessApp.start(simulator, "zipf-replay-" + (cache ? "on" : "off"),
				dataDir, Map.of("deepseek.rag.cache.enabled", Boolean.toString(cache)))) {
			String base = InProcessApp.baseUrl(app);
			ask(base, questions, warmUp, customers);
			if (cache) {
				// The warm-up filled the cache: the replay starts from an empty one.
				app.getBean(AnswerCache.class).purgeAll();
			}
			simulator.requests().clear();
			List<Answer> answers = ask(base, questions, replay, customers);
			List<RecordedRequest> calls = simulator.requests()
				.all()
				.stream()
				.filter((request) -> request.path().endsWith("/chat/completions"))
				.toList();
			// Answer calls carry the question in its delimiters; the others rewrite questions for the search.
			int answerCalls = (int) calls.stream().filter((call) -> call.body().contains("</question>")).count();
			return new Run(cache, answers, answerCalls, calls.size() - answerCalls);
		}
	}

	/** Asks the drawn questions, each in a new conversation, from {@code customers} customers at once. */
	private static List<Answer> ask(String base, List<String> questions, List<Integer> drawn, int customers)
			throws Exception {
		AtomicInteger next = new AtomicInteger();
		List<Future<List<Answer>>> results = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(customers)) {
			for (int c = 0; c < customers; c++) {
				results.add(pool.submit(() -> {
					HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
					List<Answer> mine = new ArrayList<>();
					for (int i = next.getAndIncrement(); i < drawn.size(); i = next.getAndIncrement()) {
						mine.add(ask(client, base, drawn.get(i), questions.get(drawn.get(i))));
					}
					return mine;
				}));
			}
			List<Answer> answers = new ArrayList<>();
			for (Future<List<Answer>> result : results) {
				answers.addAll(result.get());
			}
			return answers;
		}
	}

	private static Answer ask(HttpClient client, String base, int question, String text) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/chat"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("message", text))))
			.build();
		long start = System.nanoTime();
		HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
		long nanos = System.nanoTime() - start;
		if (response.statusCode() != 200) {
			return new Answer(question, "status " + response.statusCode(), -1, BigDecimal.ZERO, nanos);
		}
		JsonNode reply = json.readTree(response.body());
		Matcher source = SOURCE.matcher(reply.path("answer").asString(""));
		JsonNode cost = reply.path("usage").path("costCny");
		return new Answer(question, reply.path("mode").asString(), source.find() ? Integer.parseInt(source.group(1)) : -1,
				cost.isMissingNode() || cost.isNull() ? BigDecimal.ZERO : cost.decimalValue(), nanos);
	}

	private static void report(List<String> questions, Run off, Run on) {
		System.out.println();
		System.out.println("| | cache off (baseline) | cache on |");
		System.out.println("|---|---|---|");
		System.out.printf("| answer modes | %s | %s |%n", off.modes(), on.modes());
		System.out.printf("| answered from the cache | 0 | %d (%.1f%%) |%n", on.hits().size(),
				100.0 * on.hits().size() / on.answers().size());
		System.out.printf("| model calls for answers | %d | %d |%n", off.modelCalls(), on.modelCalls());
		System.out.printf("| model calls rewriting questions for the search | %d | %d |%n", off.rewriteCalls(),
				on.rewriteCalls());
		System.out.printf("| cost (CNY, as the app accounted it) | %.4f | %.4f |%n", off.cost(), on.cost());
		LatencyStats offLatency = off.latency();
		LatencyStats onLatency = on.latency();
		System.out.printf("| latency p50 | %.0f ms | %.0f ms |%n", offLatency.percentileMillis(50),
				onLatency.percentileMillis(50));
		System.out.printf("| latency p95 | %.0f ms | %.0f ms |%n", offLatency.percentileMillis(95),
				onLatency.percentileMillis(95));
		System.out.printf("model calls saved: %d (%.1f%%), CNY saved: %.4f (%.1f%%)%n",
				off.modelCalls() - on.modelCalls(), 100.0 * (off.modelCalls() - on.modelCalls()) / off.modelCalls(),
				off.cost().subtract(on.cost()), 100.0 * off.cost().subtract(on.cost()).doubleValue()
						/ Math.max(1e-12, off.cost().doubleValue()));
		List<Answer> other = on.hits().stream().filter((answer) -> answer.source() != answer.question()).toList();
		System.out.printf("cache hits first answered for another question: %d of %d%n", other.size(),
				on.hits().size());
		Map<String, Integer> pairs = new TreeMap<>();
		other.forEach((answer) -> pairs.merge(
				"asked \"" + questions.get(answer.question()) + "\", served the answer to \""
						+ ((answer.source() >= 0) ? questions.get(answer.source()) : "?") + "\"",
				1, Integer::sum));
		pairs.forEach((pair, count) -> System.out.printf("  %d× %s%n", count, pair));
	}

	private static Path questionsFile() {
		Path relative = Path.of(System.getProperty("replay.questions", "rag-app/src/test/resources/eval/questions.jsonl"));
		// exec:java runs in the module's folder, java -cp wherever it was started
		return Files.exists(relative) ? relative : Path.of("..").resolve(relative);
	}

	private static List<String> questions(Path file) throws IOException {
		List<String> questions = new ArrayList<>();
		for (String line : Files.readAllLines(file)) {
			if (!line.isBlank()) {
				questions.add(json.readTree(line).path("query").asString().strip());
			}
		}
		return questions;
	}

	/** Indexes into a list drawn with P(rank k) ∝ 1/k^s; which question holds which rank is shuffled by the seed. */
	static final class ZipfDraws {

		private final double[] cumulative;

		private final List<Integer> byRank;

		private final Random random;

		ZipfDraws(int size, double s, Random random) {
			this.random = random;
			this.cumulative = new double[size];
			double total = 0;
			for (int k = 1; k <= size; k++) {
				total += 1 / Math.pow(k, s);
				this.cumulative[k - 1] = total;
			}
			for (int k = 0; k < size; k++) {
				this.cumulative[k] /= total;
			}
			List<Integer> ranks = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				ranks.add(i);
			}
			Collections.shuffle(ranks, random);
			this.byRank = List.copyOf(ranks);
		}

		List<Integer> draw(int count) {
			List<Integer> drawn = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				double u = this.random.nextDouble();
				int k = 0;
				while (k < this.cumulative.length - 1 && this.cumulative[k] < u) {
					k++;
				}
				drawn.add(this.byRank.get(k));
			}
			return drawn;
		}

	}

	/** One answer: the question asked (index), its mode, the question its answer was written for, cost, latency. */
	record Answer(int question, String mode, int source, BigDecimal costCny, long nanos) {

	}

	record Run(boolean cache, List<Answer> answers, int modelCalls, int rewriteCalls) {

		List<Answer> hits() {
			return this.answers.stream().filter((answer) -> "cache".equals(answer.mode())).toList();
		}

		Map<String, Integer> modes() {
			Map<String, Integer> modes = new TreeMap<>();
			this.answers.forEach((answer) -> modes.merge(answer.mode(), 1, Integer::sum));
			return modes;
		}

		BigDecimal cost() {
			return this.answers.stream().map(Answer::costCny).reduce(BigDecimal.ZERO, BigDecimal::add);
		}

		LatencyStats latency() {
			return LatencyStats.of(this.answers.stream().mapToLong(Answer::nanos).toArray());
		}

	}

}
