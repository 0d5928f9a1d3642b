package io.github.deepseekspring.rag.store.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.github.deepseekspring.rag.KnowledgeBase;
import io.github.deepseekspring.rag.embedding.Embedder;
import io.github.deepseekspring.rag.embedding.EmbeddingModelEmbedder;
import io.github.deepseekspring.rag.embedding.OnnxEmbeddingModel;
import io.github.deepseekspring.rag.eval.EvalMode;
import io.github.deepseekspring.rag.eval.EvalReport;
import io.github.deepseekspring.rag.eval.HybridRetrieverSearch;
import io.github.deepseekspring.rag.eval.ModeMetrics;
import io.github.deepseekspring.rag.eval.QuestionSetParser;
import io.github.deepseekspring.rag.eval.RetrievalEvaluator;
import io.github.deepseekspring.rag.ingest.Chunker;
import io.github.deepseekspring.rag.ingest.DocumentParser;
import io.github.deepseekspring.rag.ingest.IngestionService;
import io.github.deepseekspring.rag.retrieval.HybridRetriever;
import io.github.deepseekspring.rag.retrieval.RetrievalSettings;
import io.github.deepseekspring.testkit.elasticsearch.TestElasticsearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The served retrieval pipeline (ingestion, chunking, bge-small-zh embeddings, hybrid fusion) on a real
 * Elasticsearch, measured with the labelled question set: fails when quality drops below what it reaches now.
 */
class ElasticsearchRetrievalEvaluationIntegrationTests {

    private static ElasticsearchClient client;
    private static ElasticsearchKnowledgeStore store;
    private static HybridRetriever retriever;

    @BeforeAll
    static void ingestSampleKnowledgeBase() {
        client = ElasticsearchClients.connect(TestElasticsearch.shared().httpUri());
        store = ElasticsearchKnowledgeStore.open(client,
                ElasticsearchStoreOptions.builder().alias("kb-eval-" + UUID.randomUUID()).build());
        Embedder embeddings = EmbeddingModelEmbedder.of(OnnxEmbeddingModel.bgeSmallZh());
        KnowledgeBase knowledgeBase = new KnowledgeBase(
                new IngestionService(new DocumentParser(), new Chunker(300, 50), embeddings, store), store);
        knowledgeBase.ingestAll(sampleDocuments());
        retriever = new HybridRetriever(store, embeddings, RetrievalSettings.defaults());
    }

    @AfterAll
    static void dropIndex() throws IOException {
        store.drop();
        client.close();
    }

    @Test
    void hybridRetrievalBeatsEachSingleModeOnTheSampleQuestions() {
        EvalReport report = new RetrievalEvaluator(new HybridRetrieverSearch(retriever))
                .evaluate(QuestionSetParser.parse(resource("eval/questions.jsonl")));
        report.modes().forEach(mode -> System.out.printf("elasticsearch eval %-6s nDCG@10 %.3f  Recall@5 %.3f  MRR %.3f%n",
                mode.mode(), mode.ndcgAt10(), mode.recallAt5(), mode.mrr()));

        ModeMetrics bm25 = report.mode(EvalMode.BM25);
        ModeMetrics vector = report.mode(EvalMode.VECTOR);
        ModeMetrics hybrid = report.mode(EvalMode.HYBRID);
        assertThat(report.scored()).isGreaterThanOrEqualTo(60);
        // Floors a few points under the measured figures (see BENCHMARKS.md), so a real regression fails.
        assertThat(bm25.ndcgAt10()).isGreaterThan(0.80);
        assertThat(vector.ndcgAt10()).isGreaterThan(0.84);
        assertThat(hybrid.ndcgAt10()).isGreaterThan(0.87).isGreaterThanOrEqualTo(Math.max(bm25.ndcgAt10(), vector.ndcgAt10()));
    }

    private static List<Resource> sampleDocuments() {
        try {
            return Stream.of(new PathMatchingResourcePatternResolver().getResources("classpath:/sample-kb/*"))
                    .filter(document -> !document.getFilename().endsWith(".json"))
                    .toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String resource(String path) {
        try (InputStream in = ElasticsearchRetrievalEvaluationIntegrationTests.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
