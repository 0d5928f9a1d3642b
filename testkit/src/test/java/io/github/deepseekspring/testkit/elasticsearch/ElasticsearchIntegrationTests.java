package io.github.deepseekspring.testkit.elasticsearch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the provisioned Elasticsearch is real and does what the knowledge base needs: BM25 full text, exact keyword
 * match of product codes, and dense-vector kNN with cosine similarity.
 */
@ExtendWith(ElasticsearchExtension.class)
class ElasticsearchIntegrationTests {

	private static final String INDEX = "testkit-proof";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static URI es;

	@BeforeAll
	static void indexDocuments(TestElasticsearch elasticsearch) throws Exception {
		es = elasticsearch.httpUri();
		send("DELETE", "/" + INDEX, null);
		HttpResponse<String> created = send("PUT", "/" + INDEX, """
				{"mappings": {"properties": {
				  "text": {"type": "text"},
				  "code": {"type": "keyword"},
				  "vector": {"type": "dense_vector", "dims": 4, "index": true, "similarity": "cosine"}}}}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
		String bulk = """
				{"index": {"_index": "testkit-proof", "_id": "router"}}
				{"text": "The router restarts after a firmware upgrade", "code": "YF-AX3000", "vector": [1, 0, 0, 0]}
				{"index": {"_index": "testkit-proof", "_id": "mesh"}}
				{"text": "Mesh nodes pair with the WPS button", "code": "YF-Mesh-M2", "vector": [0, 1, 0, 0]}
				{"index": {"_index": "testkit-proof", "_id": "warranty"}}
				{"text": "Warranty covers two years from purchase", "code": "E-1023", "vector": [0, 0, 1, 0]}
				""";
		HttpResponse<String> indexed = send("POST", "/_bulk?refresh=true", bulk);
		assertThat(JSON.readTree(indexed.body()).path("errors").asBoolean(true)).as(indexed.body()).isFalse();
	}

	@Test
	void bm25RanksTheMatchingDocumentFirst() throws Exception {
		List<String> ids = search("""
				{"query": {"match": {"text": "firmware upgrade"}}}""");
		assertThat(ids).first().isEqualTo("router");
	}

	@Test
	void keywordFieldMatchesAProductCodeExactly() throws Exception {
		assertThat(search("""
				{"query": {"term": {"code": "YF-Mesh-M2"}}}""")).containsExactly("mesh");
		assertThat(search("""
				{"query": {"term": {"code": "YF-Mesh"}}}""")).isEmpty();
	}

	@Test
	void knnFindsTheNearestVector() throws Exception {
		List<String> ids = search("""
				{"knn": {"field": "vector", "query_vector": [0.1, 0.2, 0.9, 0], "k": 2, "num_candidates": 10}}""");
		assertThat(ids).first().isEqualTo("warranty");
	}

	@Test
	void isSharedAcrossTheJvm(TestElasticsearch elasticsearch) {
		assertThat(elasticsearch).isSameAs(TestElasticsearch.shared());
		assertThat(elasticsearch.provisionedBy()).isIn("ES_URL", "testcontainers", "distribution");
	}

	private static List<String> search(String body) throws Exception {
		HttpResponse<String> response = send("POST", "/" + INDEX + "/_search", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		for (JsonNode hit : JSON.readTree(response.body()).path("hits").path("hits")) {
			ids.add(hit.path("_id").asString());
		}
		return ids;
	}

	private static HttpResponse<String> send(String method, String path, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(es.resolve(path)).header("Content-Type", "application/json");
		request.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
				: HttpRequest.BodyPublishers.noBody());
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
