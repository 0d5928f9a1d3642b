package io.github.deepseekspring.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import io.github.deepseekspring.rag.KnowledgeBase;
import io.github.deepseekspring.rag.app.kb.SampleKnowledgeBase;
import io.github.deepseekspring.rag.embedding.EmbeddingModelEmbedder;
import io.github.deepseekspring.rag.embedding.OnnxEmbeddingModel;
import io.github.deepseekspring.rag.embedding.Embedder;
import io.github.deepseekspring.rag.ingest.Chunker;
import io.github.deepseekspring.rag.ingest.DocumentParser;
import io.github.deepseekspring.rag.ingest.IngestionService;
import io.github.deepseekspring.rag.retrieval.HybridRetriever;
import io.github.deepseekspring.rag.retrieval.RetrievalSettings;
import io.github.deepseekspring.rag.retrieval.SearchMode;
import io.github.deepseekspring.rag.store.KnowledgeChunk;
import io.github.deepseekspring.rag.store.KnowledgeStore;
import io.github.deepseekspring.rag.store.elasticsearch.ElasticsearchClients;
import io.github.deepseekspring.rag.store.elasticsearch.ElasticsearchKnowledgeStore;
import io.github.deepseekspring.rag.store.elasticsearch.ElasticsearchStoreOptions;
import io.github.deepseekspring.rag.store.lucene.LuceneKnowledgeStore;
import io.github.deepseekspring.rag.text.CjkBigramSegmenter;
import io.github.deepseekspring.rag.text.ProductCodes;
import io.github.deepseekspring.testkit.elasticsearch.TestElasticsearch;

import org.springframework.util.FileSystemUtils;

/**
 * Hybrid search latency (BM25 + kNN, fused in the application by {@link HybridRetriever}) on a corpus of 10,000
 * chunks: the sample knowledge base embedded once with bge-small-zh-v1.5 and replicated, each copy's vectors
 * slightly perturbed so the HNSW graph is not degenerate. Measured on the embedded Lucene store and, with
 * {@code -Dbenchmark.elasticsearch=true} (the testkit's Elasticsearch: {@code ES_URL}, Docker or the distribution),
 * on the Elasticsearch store next to the raw Elasticsearch Java client sending the same two queries. Query vectors are
 * computed up front (the store and fusion are measured); one extra row adds the query's embedding, end to end, and
 * one gives the CPU time of a Lucene search, which does not depend on how busy the machine is.
 *
 * <p>Run: {@code mvn -q -pl benchmarks -am -DskipTests install && mvn -q -pl benchmarks exec:java
 * -Dbenchmark.main=io.github.deepseekspring.benchmarks.HybridSearchBenchmark -Dbenchmark.elasticsearch=true}
 * (optional {@code -Dbenchmark.chunks=10000 -Dbenchmark.requests=2000}).
 */
public final class HybridSearchBenchmark {

	static final List<String> QUERIES = List.of("YF-AX3000 保修多久", "路由器保修期是几年", "E-1023 是什么错误",
			"怎么重置管理员密码", "忘记登录密码怎么办", "退货需要什么条件", "七天无理由退货", "运费谁承担", "满多少免运费",
			"固件怎么升级", "升级失败怎么办", "Mesh 组网怎么设置", "How do I set up the mesh network?", "WiFi 信号差",
			"网速慢怎么排查", "家长控制怎么限制上网时间", "会员套餐价格", "云帆管家 App 年费", "客服电话是多少",
			"公司地址在哪里", "隐私政策 收集哪些数据", "YF-BE7200 支持 WiFi 7 吗", "Mesh M2 能带多少设备",
			"What is the warranty period?");

	private HybridSearchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int targetChunks = Integer.getInteger("benchmark.chunks", 10_000);
		int requests = Integer.getInteger("benchmark.requests", 2000);
		Embedder model = EmbeddingModelEmbedder.of(OnnxEmbeddingModel.bgeSmallZh());
		List<List<KnowledgeChunk>> corpus = corpus(model, targetChunks);
		PrecomputedQueries queries = new PrecomputedQueries(model, QUERIES);
		RetrievalSettings settings = RetrievalSettings.defaults();
		System.out.printf("Corpus: %d documents, %d chunks; %d queries; %d cores%n", corpus.size(),
				corpus.stream().mapToInt(List::size).sum(), QUERIES.size(), Runtime.getRuntime().availableProcessors());
		System.out.println("| store | path | p50 ms | p95 ms | p99 ms | n |");
		System.out.println("|---|---|---|---|---|---|");

		Path folder = Files.createTempDirectory("search-benchmark");
		try (LuceneKnowledgeStore lucene = LuceneKnowledgeStore.open(folder)) {
			load(lucene, corpus);
			HybridRetriever retriever = new HybridRetriever(lucene, queries, settings);
			hybrid(retriever, 300);
			report("lucene", "HybridRetriever (query vectors precomputed)", hybrid(retriever, requests));
			report("lucene", "CPU time of HybridRetriever (query vectors precomputed)", cpuTime(retriever, requests));
			report("lucene", "HybridRetriever incl. query embedding",
					hybrid(new HybridRetriever(lucene, model, settings), Math.max(100, requests / 4)));
		}
		finally {
			FileSystemUtils.deleteRecursively(folder);
		}
		if (Boolean.getBoolean("benchmark.elasticsearch")) {
			elasticsearch(corpus, queries, settings, requests);
		}
	}

	private static void elasticsearch(List<List<KnowledgeChunk>> corpus, PrecomputedQueries queries,
			RetrievalSettings settings, int requests) throws Exception {
		URI uri = TestElasticsearch.shared().httpUri();
		String alias = "search-benchmark-" + UUID.randomUUID();
		try (ElasticsearchClient client = ElasticsearchClients.connect(uri)) {
			ElasticsearchKnowledgeStore store = ElasticsearchKnowledgeStore.open(client,
					ElasticsearchStoreOptions.builder().alias(alias).dimensions(queries.dimensions()).build());
			try {
				load(store, corpus);
				HybridRetriever retriever = new HybridRetriever(store, queries, settings);
				RawElasticsearch raw = new RawElasticsearch(client, alias, settings.candidates());
				AtomicInteger next = new AtomicInteger();
				ConcurrentRunner.Action rawSearch = () -> raw.hybrid(queries, QUERIES.get(next.getAndIncrement() % QUERIES.size()));
				hybrid(retriever, 300);
				ConcurrentRunner.measure(1, 300, rawSearch);
				for (int round = 1; round <= 2; round++) {
					LatencyStats ours = hybrid(retriever, requests);
					LatencyStats plain = ConcurrentRunner.measure(1, requests, rawSearch);
					report("elasticsearch", "round " + round + ": ElasticsearchKnowledgeStore + HybridRetriever", ours);
					report("elasticsearch", "round " + round + ": raw ElasticsearchClient, same two queries", plain);
					ratio("round " + round, ours, plain);
				}
				// Query by query, alternating which goes first, so drifting load and caches hit both alike.
				long[][] paired = interleaved(retriever, raw, queries, requests);
				LatencyStats ours = LatencyStats.of(paired[0]);
				LatencyStats plain = LatencyStats.of(paired[1]);
				report("elasticsearch", "interleaved: ElasticsearchKnowledgeStore + HybridRetriever", ours);
				report("elasticsearch", "interleaved: raw ElasticsearchClient, same two queries", plain);
				ratio("interleaved", ours, plain);
			}
			finally {
				store.drop();
			}
		}
	}

	private static long[][] interleaved(HybridRetriever retriever, RawElasticsearch raw, PrecomputedQueries queries,
			int requests) throws Exception {
		long[][] nanos = new long[2][requests];
		for (int i = 0; i < requests; i++) {
			String query = QUERIES.get(i % QUERIES.size());
			for (int turn = 0; turn < 2; turn++) {
				boolean oursNow = (turn == 0) == (i % 2 == 0);
				long start = System.nanoTime();
				if (oursNow) {
					retriever.search(query, 10, SearchMode.HYBRID);
				}
				else {
					raw.hybrid(queries, query);
				}
				nanos[oursNow ? 0 : 1][i] = System.nanoTime() - start;
			}
		}
		return nanos;
	}

	private static void ratio(String label, LatencyStats ours, LatencyStats raw) {
		System.out.printf("| elasticsearch | %s: ours / raw | %.2fx | %.2fx | %.2fx | |%n", label,
				ours.percentileMillis(50) / raw.percentileMillis(50), ours.percentileMillis(95) / raw.percentileMillis(95),
				ours.percentileMillis(99) / raw.percentileMillis(99));
	}

	/** The same two searches ElasticsearchChunkSearcher sends, straight through the client, hits as maps. */
	private record RawElasticsearch(ElasticsearchClient client, String alias, int size) {

		private static final List<String> NOT_RETURNED = List.of("embedding", "search_text", "codes");

		void hybrid(PrecomputedQueries queries, String query) throws Exception {
			String terms = CjkBigramSegmenter.segment(query);
			List<FieldValue> codes = ProductCodes.in(query).stream().map(FieldValue::of).toList();
			List<Query> should = new ArrayList<>();
			if (!terms.isEmpty()) {
				should.add(Query.of((q) -> q.match((m) -> m.field("search_text").query(terms))));
			}
			if (!codes.isEmpty()) {
				should.add(Query.of((q) -> q.constantScore((c) -> c.boost(100f)
					.queryName("exact_code")
					.filter((f) -> f.terms((t) -> t.field("codes").terms((v) -> v.value(codes)))))));
			}
			this.client.search(SearchRequest.of((s) -> s.index(this.alias)
				.size(this.size)
				.source((src) -> src.filter((f) -> f.excludes(NOT_RETURNED)))
				.query((q) -> q.bool((b) -> b.should(should).minimumShouldMatch("1")))), Map.class);
			float[] vector = queries.embedQuery(query);
			List<Float> queryVector = new ArrayList<>(vector.length);
			for (float value : vector) {
				queryVector.add(value);
			}
			this.client.search(SearchRequest.of((s) -> s.index(this.alias)
				.size(this.size)
				.source((src) -> src.filter((f) -> f.excludes(NOT_RETURNED)))
				.knn((k) -> k.field("embedding")
					.queryVector(queryVector)
					.k(this.size)
					.numCandidates(Math.min(10_000, Math.max(100, this.size * 10))))), Map.class);
		}

	}

	private static LatencyStats hybrid(HybridRetriever retriever, int requests) throws InterruptedException {
		AtomicInteger next = new AtomicInteger();
		return ConcurrentRunner.measure(1, requests,
				() -> retriever.search(QUERIES.get(next.getAndIncrement() % QUERIES.size()), 10, SearchMode.HYBRID));
	}

	/**
	 * The calling thread's CPU time per search, on a platform thread: what a search costs regardless of how many
	 * other processes share the cores (an in-process Lucene search runs on the caller's thread).
	 */
	private static LatencyStats cpuTime(HybridRetriever retriever, int requests) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long[] nanos = new long[requests];
		for (int i = 0; i < requests; i++) {
			long start = threads.getCurrentThreadCpuTime();
			retriever.search(QUERIES.get(i % QUERIES.size()), 10, SearchMode.HYBRID);
			nanos[i] = threads.getCurrentThreadCpuTime() - start;
		}
		return LatencyStats.of(nanos);
	}

	private static void report(String store, String path, LatencyStats stats) {
		System.out.printf("| %s | %s | %.2f | %.2f | %.2f | %d |%n", store, path, stats.percentileMillis(50),
				stats.percentileMillis(95), stats.percentileMillis(99), stats.sortedNanos().length);
	}

	/** The sample knowledge base embedded once, replicated to at least {@code targetChunks} chunks. */
	static List<List<KnowledgeChunk>> corpus(Embedder model, int targetChunks) {
		CapturingStore capture = new CapturingStore();
		SampleKnowledgeBase.loadInto(new KnowledgeBase(
				new IngestionService(new DocumentParser(), new Chunker(300, 50), model, capture), capture));
		List<List<KnowledgeChunk>> sample = capture.captured();
		long perCopy = capture.chunkCount();
		SplittableRandom random = new SplittableRandom(42);
		List<List<KnowledgeChunk>> corpus = new ArrayList<>();
		for (int copy = 0; (long) copy * perCopy < targetChunks; copy++) {
			for (List<KnowledgeChunk> document : sample) {
				List<KnowledgeChunk> chunks = new ArrayList<>(document.size());
				for (KnowledgeChunk chunk : document) {
					chunks.add(new KnowledgeChunk(copy + "/" + chunk.chunkId(), copy + "/" + chunk.documentId(),
							chunk.chunkIndex(), chunk.title(), chunk.headingPath(), chunk.text(),
							"copy-" + copy + "/" + chunk.source(), chunk.page(), chunk.contentHash(),
							chunk.documentHash(), (copy == 0) ? chunk.embedding() : perturbed(chunk.embedding(), random)));
				}
				corpus.add(chunks);
			}
		}
		return corpus;
	}

	private static float[] perturbed(float[] vector, SplittableRandom random) {
		float[] result = new float[vector.length];
		double norm = 0;
		for (int i = 0; i < vector.length; i++) {
			result[i] = (float) (vector[i] + (random.nextDouble() - 0.5) * 0.03);
			norm += (double) result[i] * result[i];
		}
		double length = Math.sqrt(norm);
		for (int i = 0; i < result.length; i++) {
			result[i] = (float) (result[i] / length);
		}
		return result;
	}

	private static void load(KnowledgeStore store, List<List<KnowledgeChunk>> corpus) {
		for (int start = 0; start < corpus.size(); start += 50) {
			Map<String, List<KnowledgeChunk>> batch = new LinkedHashMap<>();
			corpus.subList(start, Math.min(corpus.size(), start + 50))
				.forEach((chunks) -> batch.put(chunks.get(0).documentId(), chunks));
			store.replaceDocuments(batch);
		}
	}

}
