package io.github.deepseekspring.rag.app.kb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served retrieval path end to end: the sample knowledge base loaded at start into the embedded store, the
 * labelled question set posted to {@code POST /api/kb/eval}. Floors sit a few points under the measured figures so
 * that a real regression fails; hybrid must beat both single modes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deepseek.rag.store=lucene", "deepseek.rag.admin.password=test-admin-password" })
class SampleKnowledgeBaseEvaluationTests {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("deepseek.rag.data-dir", () -> dataDir.toString());
	}

	@Value("${local.server.port}")
	int port;

	@Test
	void hybridBeatsBothSingleModesOnTheSampleQuestionSet() throws IOException {
		byte[] questions;
		try (InputStream in = getClass().getResourceAsStream("/eval/questions.jsonl")) {
			questions = in.readAllBytes();
		}
		JsonNode report = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultHeaders((headers) -> headers.setBasicAuth("admin", "test-admin-password"))
			.build()
			.post()
			.uri("/api/kb/eval")
			.contentType(MediaType.parseMediaType("application/x-ndjson"))
			.body(questions)
			.retrieve()
			.body(JsonNode.class);
		double bm25 = ndcg(report, "BM25");
		double vector = ndcg(report, "VECTOR");
		double hybrid = ndcg(report, "HYBRID");
		System.out.printf("lucene eval nDCG@10: bm25 %.3f, vector %.3f, hybrid %.3f%n", bm25, vector, hybrid);
		report.path("modes").forEach((mode) -> System.out.println("lucene eval " + mode));
		assertThat(report.path("scored").asInt()).isGreaterThanOrEqualTo(60);
		// measured (nDCG@10): bm25 0.862, vector 0.889, hybrid 0.914
		assertThat(bm25).isGreaterThan(0.83);
		assertThat(vector).isGreaterThan(0.86);
		assertThat(hybrid).isGreaterThanOrEqualTo(Math.max(bm25, vector));
		assertThat(hybrid).isGreaterThan(0.88);
	}

	private static double ndcg(JsonNode report, String mode) {
		for (JsonNode metrics : report.path("modes")) {
			if (metrics.path("mode").asString().equals(mode)) {
				return metrics.path("ndcgAt10").asDouble();
			}
		}
		throw new AssertionError("no " + mode + " in " + report);
	}

}
