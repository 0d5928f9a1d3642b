package io.github.deepseekspring.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.deepseekspring.rag.embedding.Embedder;
import io.github.deepseekspring.rag.embedding.EmbeddingModelEmbedder;
import io.github.deepseekspring.rag.embedding.OnnxEmbeddingModel;
import io.github.deepseekspring.rag.embedding.VectorSpace;
import io.github.deepseekspring.rag.embedding.VectorSpaces;
import io.github.deepseekspring.rag.text.Language;
import io.github.deepseekspring.rag.ingest.Chunker;
import io.github.deepseekspring.rag.ingest.DocumentParser;
import io.github.deepseekspring.rag.ingest.IngestionService;
import io.github.deepseekspring.rag.store.lucene.LuceneKnowledgeStore;

import org.springframework.ai.document.Document;
import org.springframework.ai.transformer.splitter.TokenTextSplitter;
import org.springframework.ai.vectorstore.SimpleVectorStore;
import org.springframework.util.FileSystemUtils;

/**
 * Ingestion throughput, end to end (parse, chunk, embed, store), of the knowledge base's pipeline (DocumentParser,
 * Chunker, embedded Lucene) against Spring AI's own ETL path (TokenTextSplitter and SimpleVectorStore), on the same
 * replicated sample knowledge base, in the same run, both with the same Spring AI {@code EmbeddingModel} instance of
 * bge-small-zh-v1.5: the knowledge base's batched ONNX model ({@code -Dbenchmark.embedding=onnx}, the default), or the
 * same model run one text at a time as before batching ({@code one-by-one}), or a near-free stand-in ({@code none},
 * to see what the rest of each pipeline costs). The knowledge base as shipped embeds every chunk twice, with an English
 * model beside the Chinese one: that path ({@code ours, two models}) is reported beside, not in the comparison. Rounds
 * alternate between the paths so that warm-up and machine load hit all alike; the best round of each path is reported
 * next to the median.
 *
 * <p>Run: {@code mvn -q -pl benchmarks -am -DskipTests package}, then {@code java -cp <benchmarks class path>
 * io.github.deepseekspring.benchmarks.IngestionThroughputBenchmark} (optional {@code -Dbenchmark.copies=3
 * -Dbenchmark.rounds=3}; {@code -Dbenchmark.batch=16}: documents per {@link IngestionService#ingestAll} write, 1 for a
 * commit per document as single uploads do; {@code -Dbenchmark.springAiChunkTokens=800,160}: Spring AI's default chunk
 * size, and one giving about as many chunks as ours; {@code -Dbenchmark.two-models=false} leaves the shipped
 * two-model path out).
 */
public final class IngestionThroughputBenchmark {

	private IngestionThroughputBenchmark() {
	}

	/**
	 * One timed round: documents, chunks and characters ingested in so many nanoseconds, and the characters the
	 * Chinese model embedded.
	 */
	record Round(String path, int documents, long chunks, long characters, long nanos, long embedded) {

		double chunksPerSecond() {
			return this.chunks / (this.nanos / 1e9);
		}

		double documentsPerSecond() {
			return this.documents / (this.nanos / 1e9);
		}

		double kilocharactersPerSecond() {
			return this.characters / 1000.0 / (this.nanos / 1e9);
		}

	}

	public static void main(String[] args) throws Exception {
		int copies = Integer.getInteger("benchmark.copies", 3);
		int rounds = Integer.getInteger("benchmark.rounds", 3);
		int batch = Integer.getInteger("benchmark.batch", 16);
		int[] springAiChunkTokens = Arrays.stream(System.getProperty("benchmark.springAiChunkTokens", "800,160")
			.split(",")).mapToInt((size) -> Integer.parseInt(size.strip())).toArray();
		String embedding = System.getProperty("benchmark.embedding", "onnx");
		boolean twoModels = Boolean.parseBoolean(System.getProperty("benchmark.two-models", "true"))
				&& embedding.equals("onnx");
		SampleCorpus corpus = SampleCorpus.replicated(copies);
		CountingEmbeddingModel model = new CountingEmbeddingModel(switch (embedding) {
			case "onnx" -> OnnxEmbeddingModel.bgeSmallZh();
			case "one-by-one" -> new OneTextPerRunModel();
			case "none" -> new HashedVectors();
			default -> throw new IllegalArgumentException("benchmark.embedding is onnx, one-by-one or none: " + embedding);
		});
		Embedder embeddings = new EmbeddingModelEmbedder(model, "", OnnxEmbeddingModel.TEXTS_PER_CALL, embedding);
		VectorSpaces shipped = twoModels ? VectorSpaces.of(embeddings, List.of(new VectorSpace("en",
				EmbeddingModelEmbedder.of(OnnxEmbeddingModel.bgeSmallEn()), Set.of(Language.EN)))) : null;
		System.out.printf("Corpus: %d documents (%d copies of the sample knowledge base), %d characters; %d cores; "
				+ "embeddings: bge-small-zh-v1.5, %s%n", corpus.documents().size(), copies, corpus.characters(),
				Runtime.getRuntime().availableProcessors(), embedding);
		System.out.println("Warming up...");
		embeddings.embedPassages(corpus.documents().stream().limit(8).map(SampleCorpus.Document::text).toList());
		ours(SampleCorpus.replicated(1), VectorSpaces.of(embeddings), batch, model);
		if (shipped != null) {
			ours(SampleCorpus.replicated(1), shipped, batch, model);
		}
		springAi(SampleCorpus.replicated(1), model, springAiChunkTokens[0]);

		List<Round> ours = new ArrayList<>();
		List<Round> oursTwoModels = new ArrayList<>();
		Map<Integer, List<Round>> springAi = new LinkedHashMap<>();
		for (int round = 0; round < rounds; round++) {
			ours.add(ours(corpus, VectorSpaces.of(embeddings), batch, model));
			StringBuilder line = new StringBuilder(String.format("round %d: ours %.1f chunks/s (%d chunks, %.1f s)",
					round + 1, ours.getLast().chunksPerSecond(), ours.getLast().chunks(), ours.getLast().nanos() / 1e9));
			if (shipped != null) {
				oursTwoModels.add(ours(corpus, shipped, batch, model));
				line.append(String.format(", ours with two models %.1f chunks/s (%.1f s)",
						oursTwoModels.getLast().chunksPerSecond(), oursTwoModels.getLast().nanos() / 1e9));
			}
			for (int size : springAiChunkTokens) {
				Round spring = springAi(corpus, model, size);
				springAi.computeIfAbsent(size, (key) -> new ArrayList<>()).add(spring);
				line.append(String.format(", Spring AI(%d) %.1f chunks/s (%d chunks, %.1f s)", size,
						spring.chunksPerSecond(), spring.chunks(), spring.nanos() / 1e9));
			}
			System.out.println(line);
		}
		System.out.println();
		System.out.println("| path | chunks | characters embedded per document | best chunks/s | median chunks/s | best docs/s "
				+ "| median docs/s |");
		System.out.println("|---|---|---|---|---|---|---|");
		print("ours: DocumentParser + Chunker(300, 50) + Lucene, " + batch + " documents a write, one model", ours);
		if (!oursTwoModels.isEmpty()) {
			print("ours as shipped: the same, every chunk also embedded by bge-small-en-v1.5-q", oursTwoModels);
		}
		springAi.forEach((size, rounds1) -> print("Spring AI (TokenTextSplitter(" + size + ") + SimpleVectorStore)",
				rounds1));
		Round bestOurs = best(ours);
		springAi.forEach((size, rounds1) -> System.out.printf(
				"ours / Spring AI(%d): %.2fx chunks/s, %.2fx documents/s (best rounds)%n", size,
				bestOurs.chunksPerSecond() / best(rounds1).chunksPerSecond(),
				bestOurs.documentsPerSecond() / best(rounds1).documentsPerSecond()));
	}

	private static Round ours(SampleCorpus corpus, VectorSpaces spaces, int batch, CountingEmbeddingModel model)
			throws IOException {
		Path folder = Files.createTempDirectory("ingest-benchmark");
		try (LuceneKnowledgeStore store = LuceneKnowledgeStore.open(folder)) {
			IngestionService ingestion = new IngestionService(new DocumentParser(), new Chunker(300, 50), spaces, store);
			List<IngestionService.Upload> uploads = corpus.documents()
				.stream()
				.map((document) -> new IngestionService.Upload(document.content(), document.format(),
						document.source(), document.title()))
				.toList();
			long start = System.nanoTime();
			for (int from = 0; from < uploads.size(); from += batch) {
				ingestion.ingestAll(uploads.subList(from, Math.min(uploads.size(), from + batch)));
			}
			long nanos = System.nanoTime() - start;
			return new Round("ours", corpus.documents().size(), store.chunkCount(), corpus.characters(), nanos,
					model.takeCharacters());
		}
		finally {
			FileSystemUtils.deleteRecursively(folder);
		}
	}

	private static Round springAi(SampleCorpus corpus, CountingEmbeddingModel model, int chunkTokens) {
		SimpleVectorStore store = SimpleVectorStore.builder(model).build();
		TokenTextSplitter splitter = TokenTextSplitter.builder().withChunkSize(chunkTokens).build();
		long chunks = 0;
		long start = System.nanoTime();
		for (SampleCorpus.Document document : corpus.documents()) {
			List<Document> pieces = splitter
				.apply(List.of(new Document(document.text(), Map.of("source", document.source(), "title",
						document.title()))));
			store.add(pieces);
			chunks += pieces.size();
		}
		long nanos = System.nanoTime() - start;
		return new Round("spring-ai", corpus.documents().size(), chunks, corpus.characters(), nanos,
				model.takeCharacters());
	}

	private static Round best(List<Round> rounds) {
		return rounds.stream().min((a, b) -> Long.compare(a.nanos(), b.nanos())).orElseThrow();
	}

	private static void print(String label, List<Round> rounds) {
		Round best = best(rounds);
		double[] rates = rounds.stream().mapToDouble(Round::chunksPerSecond).sorted().toArray();
		double[] documents = rounds.stream().mapToDouble(Round::documentsPerSecond).sorted().toArray();
		System.out.printf("| %s | %d | %d | %.1f | %.1f | %.2f | %.2f |%n", label, best.chunks(),
				best.embedded() / best.documents(), best.chunksPerSecond(), rates[rates.length / 2],
				best.documentsPerSecond(), documents[documents.length / 2]);
	}

}
