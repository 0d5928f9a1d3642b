package io.github.deepseekspring.rag.app.admin;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import io.github.deepseekspring.autoconfigure.test.UseDeepSeekSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** With the DeepSeek API alone there is no runtime to pull onto: 409 problem details naming the property to set. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deepseek.rag.store=lucene", "deepseek.rag.sample-data=false",
				"deepseek.rag.admin.password=test-admin-password" })
@UseDeepSeekSimulator
class ModelPullWithoutRuntimeTests {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("deepseek.rag.data-dir", () -> dataDir.toString());
	}

	@Value("${local.server.port}")
	int port;

	@Test
	void aPullWithoutALocalRuntimeNamesThePropertyToSet() throws Exception {
		HttpResponse<String> refused = ModelPullApiTests.pull(this.port, "admin:test-admin-password",
				"{\"model\":\"qwen2.5:7b\"}");
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(ModelPullApiTests.json.readTree(refused.body()).path("detail").asString())
			.contains("deepseek.local.base-url");
	}

}
