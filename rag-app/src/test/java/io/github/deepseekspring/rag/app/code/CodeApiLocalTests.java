package io.github.deepseekspring.rag.app.code;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import io.github.deepseekspring.testkit.RecordedRequest;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.ollama.OllamaSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The code API on the local runtime backend alone (the Ollama simulator): chat for code, suffix for infill. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deepseek.rag.store=lucene", "deepseek.rag.sample-data=false", "deepseek.routing.mode=local",
				"deepseek.local.model=deepseek-r1:7b", "deepseek.local.completion-model=deepseek-coder-v2:16b",
				"deepseek.rag.api-keys=" + CodeApiClient.API_KEY })
class CodeApiLocalTests {

	static final OllamaSimulator ollama = OllamaSimulator.start();

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("deepseek.rag.data-dir", () -> dataDir.toString());
		registry.add("deepseek.local.base-url", () -> ollama.baseUrl().toString());
	}

	@AfterAll
	static void stop() {
		ollama.close();
	}

	@Value("${local.server.port}")
	int port;

	CodeApiClient api;

	@BeforeEach
	void reset() {
		ollama.reset();
		this.api = new CodeApiClient(this.port);
	}

	@Test
	void writesCodeWithTheLocalChatModel() throws Exception {
		ollama.onUserMessage("sum helper", ScriptedReply.text("```python\ndef total(xs):\n    return sum(xs)\n```\nUses sum."));

		JsonNode body = this.api.json(this.api.post("/api/code", "{\"language\":\"py\",\"task\":\"a sum helper\"}"));

		assertThat(body.path("language").asString()).isEqualTo("python");
		assertThat(body.path("code").asString()).isEqualTo("def total(xs):\n    return sum(xs)");
		assertThat(body.path("explanation").asString()).isEqualTo("Uses sum.");
		RecordedRequest chat = ollama.requests().last();
		assertThat(chat.path()).isEqualTo("/api/chat");
		assertThat(chat.json().path("model").asString()).isEqualTo("deepseek-r1:7b");
	}

	@Test
	void streamsCodeFromTheLocalChatModel() throws Exception {
		ollama.onUserMessage("stream sum", ScriptedReply.text("```python\nprint(sum([1, 2]))\n```"));

		var events = CodeApiClient.events(this.api
			.post("/api/code", "{\"language\":\"python\",\"task\":\"stream sum\",\"stream\":true}")
			.body());

		assertThat(events.get(events.size() - 1).name()).isEqualTo("done");
		assertThat(events.get(events.size() - 1).data().path("code").asString()).isEqualTo("print(sum([1, 2]))");
		assertThat(events.stream().anyMatch((e) -> e.name().equals("token"))).isTrue();
	}

	@Test
	void completesCodeWithTheRuntimesSuffixSupport() throws Exception {
		ollama.onUserMessage("function add(a, b) {", ScriptedReply.text("  return a + b;"));

		HttpResponse<String> response = this.api.post("/api/code/complete", """
				{"language":"javascript","prefix":"function add(a, b) {\\n","suffix":"\\n}\\nadd(1, 2);"}""");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = this.api.json(response);
		assertThat(body.path("text").asString()).isEqualTo("  return a + b;");
		assertThat(body.path("backend").asString()).isEqualTo("local");
		assertThat(body.path("model").asString()).isEqualTo("deepseek-coder-v2:16b");
		RecordedRequest generate = ollama.requests().last();
		assertThat(generate.path()).isEqualTo("/api/generate");
		assertThat(generate.json().path("suffix").asString()).isEqualTo("\n}\nadd(1, 2);");
		assertThat(generate.json().path("model").asString()).isEqualTo("deepseek-coder-v2:16b");
	}

	@Test
	void refusesBadInputBeforeCallingTheRuntime() throws Exception {
		assertThat(this.api.post("/api/code/complete", "{\"language\":\"brainfuck\",\"prefix\":\"+\"}").statusCode())
			.isEqualTo(400);
		assertThat(this.api.post("/api/code", "{\"language\":").statusCode()).isEqualTo(400);
		assertThat(ollama.requests().count("/api/generate") + ollama.requests().count("/api/chat")).isZero();
	}

}
