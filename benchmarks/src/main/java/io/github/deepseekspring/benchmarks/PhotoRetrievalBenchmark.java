package io.github.deepseekspring.benchmarks;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.deepseekspring.rag.app.chat.KnowledgeLookup;
import io.github.deepseekspring.rag.retrieval.SearchHit;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * What should find the passages for a question sent with photos (issue 22): the question's text alone, the text with
 * the model's description of the photos always, or (the app's way) the text first and the description only when the
 * text finds nothing. Sixteen photo questions on the sample knowledge base ({@code photo-questions.jsonl}), each with
 * the short text a customer types beside a photo and the description the app's describing prompt asks a vision model
 * for (the device, its lights and their colours, error codes, text on a screen or label), written by hand: no vision
 * model runs here. The app's own {@link KnowledgeLookup} searches; reported are the questions it covers (a passage
 * passes the threshold), those whose best three passages hold a relevant document, and the describing calls needed.
 *
 * <pre>
 * mvn -o -q -pl benchmarks -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=$PWD/target/bench.cp
 * java -cp "benchmarks/target/classes:$(cat target/bench.cp)" io.github.deepseekspring.benchmarks.PhotoRetrievalBenchmark
 * </pre>
 */
public final class PhotoRetrievalBenchmark {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final int TOP = 3;

	private PhotoRetrievalBenchmark() {
	}

	record PhotoQuestion(String text, String description, List<String> relevant) {

		String withDescription() {
			// as TurnPhotos joins them
			return this.description + "\n" + this.text;
		}

	}

	public static void main(String[] args) throws Exception {
		List<PhotoQuestion> questions = questions();
		try (DeepSeekSimulator simulator = DeepSeekSimulator.start();
				ConfigurableApplicationContext app = InProcessApp.start(simulator, "photo-retrieval",
						Files.createTempDirectory("photo-retrieval"), Map.of())) {
			for (PhotoQuestion question : questions) {
				// The search's rewriting call keeps each wording as asked.
				for (String wording : List.of(question.text(), question.withDescription())) {
					simulator.onUserMessage("Latest question: " + wording, ScriptedReply
						.text(json.writeValueAsString(Map.of("standalone", wording, "translation", wording))));
				}
			}
			KnowledgeLookup lookup = app.getBean(KnowledgeLookup.class);
			Tally text = new Tally();
			Tally always = new Tally();
			Tally fallback = new Tally();
			System.out.println("| question | text alone | text + description | text, then description |");
			System.out.println("|---|---|---|---|");
			for (PhotoQuestion question : questions) {
				KnowledgeLookup.Found byText = lookup.find(question.text(), List.of());
				KnowledgeLookup.Found byBoth = lookup.find(question.withDescription(), List.of());
				String a = text.add(question, byText, false);
				String b = always.add(question, byBoth, true);
				String c = byText.covered() ? fallback.add(question, byText, false) : fallback.add(question, byBoth, true);
				System.out.printf("| %s | %s | %s | %s |%n", question.text(), a, b, c);
			}
			System.out.printf("| **covered / relevant in top %d / describing calls** (of %d) | %s | %s | %s |%n", TOP,
					questions.size(), text, always, fallback);
		}
	}

	private static List<PhotoQuestion> questions() throws Exception {
		List<PhotoQuestion> questions = new ArrayList<>();
		try (InputStream in = PhotoRetrievalBenchmark.class.getResourceAsStream("/photo-questions.jsonl")) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (line.isBlank()) {
					continue;
				}
				JsonNode node = json.readTree(line);
				List<String> relevant = new ArrayList<>();
				node.path("relevant").forEach((id) -> relevant.add(id.asString()));
				questions.add(new PhotoQuestion(node.path("text").asString(), node.path("description").asString(),
						List.copyOf(relevant)));
			}
		}
		return questions;
	}

	private static final class Tally {

		int covered;

		int relevant;

		int describingCalls;

		/** Counts one search; says what it found: covered or not, and the documents of its best passages. */
		String add(PhotoQuestion question, KnowledgeLookup.Found found, boolean described) {
			if (described) {
				this.describingCalls++;
			}
			if (!found.covered()) {
				return "not covered";
			}
			this.covered++;
			List<String> documents = found.passages()
				.stream()
				.limit(TOP)
				.map(SearchHit::source)
				.map(PhotoRetrievalBenchmark::shortName)
				.distinct()
				.toList();
			boolean hit = documents.stream().anyMatch(question.relevant()::contains);
			if (hit) {
				this.relevant++;
			}
			return (hit ? "✓ " : "✗ ") + String.join(", ", documents);
		}

		@Override
		public String toString() {
			return this.covered + " / " + this.relevant + " / " + this.describingCalls;
		}

	}

	/** A document as the manifest names it: its source file without folder and extension. */
	static String shortName(String source) {
		String name = Path.of(source).getFileName().toString();
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(0, dot) : name;
	}

}
