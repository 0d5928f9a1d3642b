package io.github.deepseekspring.rag.app.kb;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The knowledge base API over real HTTP: uploads, idempotence, search, and every kind of bad input. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deepseek.rag.store=lucene", "deepseek.rag.sample-data=false",
				"deepseek.rag.admin.password=test-admin-password", "spring.servlet.multipart.max-file-size=64KB",
				"spring.servlet.multipart.max-request-size=80KB" })
class KnowledgeBaseApiTests {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("deepseek.rag.data-dir", () -> dataDir.toString());
	}

	@Value("${local.server.port}")
	int port;

	private RestClient admin() {
		return RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultHeaders((headers) -> headers.setBasicAuth("admin", "test-admin-password"))
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
	}

	@Test
	void uploadSearchReuploadAndDelete() {
		String markdown = "# 云帆 YF-Z9 路由器\n\n## 保修\n\nYF-Z9 路由器主机保修三年，电源适配器保修一年。\n";
		var created = upload("yf-z9.md", markdown.getBytes(StandardCharsets.UTF_8));
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		JsonNode result = created.getBody();
		assertThat(result.path("status").asString()).isEqualTo("CREATED");
		String documentId = result.path("documentId").asString();

		JsonNode hits = admin().get().uri("/api/kb/search?q={q}&k=5", "YF-Z9 保修多久").retrieve().body(JsonNode.class);
		assertThat(hits.get(0).path("documentId").asString()).isEqualTo(documentId);
		assertThat(hits.get(0).path("headingPath").asString()).isEqualTo("保修");
		assertThat(hits.get(0).path("source").asString()).isEqualTo("yf-z9.md");

		var again = upload("yf-z9.md", markdown.getBytes(StandardCharsets.UTF_8));
		assertThat(again.getStatusCode().value()).isEqualTo(200);
		assertThat(again.getBody().path("status").asString()).isEqualTo("UNCHANGED");

		var changed = upload("yf-z9.md", markdown.replace("三年", "五年").getBytes(StandardCharsets.UTF_8));
		assertThat(changed.getBody().path("status").asString()).isEqualTo("UPDATED");
		JsonNode afterChange = admin().get().uri("/api/kb/search?q={q}&k=5&mode=bm25", "YF-Z9").retrieve().body(JsonNode.class);
		assertThat(afterChange.toString()).contains("五年").doesNotContain("三年");

		assertThat(admin().delete().uri("/api/kb/documents/{id}", documentId).retrieve().toBodilessEntity()
			.getStatusCode().value()).isEqualTo(204);
		assertThat(admin().get().uri("/api/kb/documents").retrieve().body(String.class)).doesNotContain(documentId);
	}

	@Test
	void jsonTextUpload() {
		var response = admin().post()
			.uri("/api/kb/documents")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("title", "营业时间", "text", "客服热线每天 9:00 至 21:00 服务。", "source", "hours"))
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(response.getStatusCode().value()).isEqualTo(201);
		assertThat(response.getBody().path("chunks").asInt()).isPositive();
	}

	@Test
	void badInputGetsProblemDetailsAndStoresNothing() {
		long before = documentCount();
		assertProblem(upload("virus.exe", new byte[] { 1, 2, 3 }), 415);
		assertProblem(upload("empty.md", new byte[0]), 422);
		assertProblem(upload("broken.pdf", "%PDF-1.7 this is not really a pdf".getBytes(StandardCharsets.UTF_8)), 422);
		assertProblem(upload("latin1.txt", new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF }), 422);
		assertProblem(upload("huge.txt", new byte[100 * 1024]), 413);
		assertProblem(admin().get().uri("/api/kb/search?q=x&k=0").retrieve().toEntity(JsonNode.class), 400);
		assertProblem(admin().get().uri("/api/kb/search?q=x&mode=fuzzy").retrieve().toEntity(JsonNode.class), 400);
		assertProblem(admin().get().uri("/api/kb/search?q={q}", "   ").retrieve().toEntity(JsonNode.class), 400);
		assertProblem(admin().delete().uri("/api/kb/documents/doc-nope").retrieve().toEntity(JsonNode.class), 404);
		assertProblem(admin().post().uri("/api/kb/documents").contentType(MediaType.APPLICATION_JSON)
			.body("{\"title\": ").retrieve().toEntity(JsonNode.class), 400);
		assertThat(documentCount()).isEqualTo(before);
	}

	@Test
	void uploadNamesAreNeverPaths() {
		var response = upload("../../etc/passwd.txt", "just text".getBytes(StandardCharsets.UTF_8));
		assertThat(response.getBody().path("documentId").asString()).startsWith("doc-");
		assertThat(admin().get().uri("/api/kb/documents").retrieve().body(String.class)).contains("\"passwd.txt\"")
			.doesNotContain("..");
	}

	@Test
	void theKnowledgeBaseApiNeedsTheAdmin() {
		RestClient anonymous = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
		var response = anonymous.get().uri("/api/kb/search?q=test").retrieve().toEntity(JsonNode.class);
		assertThat(response.getStatusCode().value()).isEqualTo(401);
		assertThat(response.getBody().path("status").asInt()).isEqualTo(401);
		RestClient wrong = anonymous.mutate().defaultHeaders((h) -> h.setBasicAuth("admin", "wrong")).build();
		assertThat(wrong.get().uri("/api/kb/documents").retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(401);
	}

	private long documentCount() {
		return admin().get().uri("/api/kb/documents").retrieve().body(List.class).size();
	}

	private org.springframework.http.ResponseEntity<JsonNode> upload(String name, byte[] content) {
		LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return name;
			}
		});
		return admin().post()
			.uri("/api/kb/documents")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(body)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private static void assertProblem(org.springframework.http.ResponseEntity<JsonNode> response, int status) {
		assertThat(response.getStatusCode().value()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
		assertThat(response.getBody().path("status").asInt()).isEqualTo(status);
		assertThat(response.getBody().toString()).doesNotContain("Exception").doesNotContain("at io.github");
	}

}
