package io.github.deepseekspring.rag.app.code;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import io.github.deepseekspring.autoconfigure.test.UseDeepSeekSimulator;
import io.github.deepseekspring.testkit.RecordedRequest;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The code API over HTTP on the DeepSeek API backend (the simulator), bad input included. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deepseek.rag.store=lucene", "deepseek.rag.sample-data=false",
				"deepseek.rag.code.max-infill-length=200", "deepseek.rag.code.max-context-length=300",
				"deepseek.rag.api-keys=" + CodeApiClient.API_KEY })
@UseDeepSeekSimulator
class CodeApiTests {

	static final String JAVA_ANSWER = """
			```java
			public final class Greeter {

				public static String greet(String name) {
					return "Hello, " + name;
				}

			}
			```
			`greet` prefixes the name with a greeting.""";

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("deepseek.rag.data-dir", () -> dataDir.toString());
	}

	@Value("${local.server.port}")
	int port;

	@Autowired
	DeepSeekSimulator deepseek;

	CodeApiClient api;

	@BeforeEach
	void reset() {
		this.deepseek.reset();
		this.api = new CodeApiClient(this.port);
	}

	@Test
	void writesCodeAndReturnsTheBlockAndTheExplanation() throws Exception {
		this.deepseek.onUserMessage("greeting", ScriptedReply.text(JAVA_ANSWER).withReasoning("A static method."));

		HttpResponse<String> response = this.api.post("/api/code", """
				{"language":"java","task":"a greeting helper",
				 "context":[{"path":"src/Names.java","content":"final class Names {}"}]}""");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = this.api.json(response);
		assertThat(body.path("language").asString()).isEqualTo("java");
		assertThat(body.path("code").asString()).startsWith("public final class Greeter {").endsWith("}");
		assertThat(body.path("explanation").asString()).isEqualTo("`greet` prefixes the name with a greeting.");
		assertThat(body.has("error")).isFalse();
		assertThat(body.path("diagnostics").isArray() && body.path("diagnostics").isEmpty()).isTrue();
		assertThat(body.path("reasoning").asString()).isEqualTo("A static method.");
		assertThat(body.path("usage").path("completionTokens").asInt()).isPositive();

		JsonNode messages = this.deepseek.requests().last().json().path("messages");
		assertThat(messages.get(0).path("content").asString()).contains("Java", "```java");
		assertThat(messages.get(1).path("content").asString()).contains("File src/Names.java:",
				"final class Names {}", "Task: a greeting helper");
	}

	@Test
	void aRequestTheApiRefusesIsTheClientsBadRequestNotAnOutage() throws Exception {
		// Before, every failure was a 503 "Model unavailable", so a client retried a request that can never pass.
		this.deepseek.faults().failNext(1, 422);

		HttpResponse<String> refused = this.api.post("/api/code",
				"{\"language\":\"java\",\"task\":\"a greeting helper\",\"thinking\":false}");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(this.api.json(refused).path("detail").asString()).startsWith("The model refused the request");
	}

	@Test
	void saysClearlyWhenTheAnswerHasNoCodeOfTheLanguage() throws Exception {
		this.deepseek.onUserMessage("impossible", ScriptedReply.text("```python\nprint(1)\n```\nI wrote Python."));

		JsonNode body = this.api.json(this.api.post("/api/code",
				"{\"language\":\"go\",\"task\":\"something impossible\",\"thinking\":false}"));

		assertThat(body.has("code")).isFalse();
		assertThat(body.path("error").asString()).isEqualTo("The model's answer contains no Go code block.");
		assertThat(body.path("explanation").asString()).contains("I wrote Python.");
		assertThat(this.deepseek.requests().last().json().path("thinking").path("type").asString())
			.isEqualTo("disabled");
	}

	@Test
	void streamsReasoningTokensAndDone() throws Exception {
		this.deepseek.onUserMessage("stream a greeter", ScriptedReply.text(JAVA_ANSWER).withReasoning("Plan it."));

		HttpResponse<String> response = this.api.post("/api/code",
				"{\"language\":\"java\",\"task\":\"stream a greeter\",\"stream\":true,\"thinking\":true}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/event-stream"));
		List<CodeApiClient.Event> events = CodeApiClient.events(response.body());
		StringBuilder reasoning = new StringBuilder();
		StringBuilder tokens = new StringBuilder();
		events.stream().filter((e) -> e.name().equals("reasoning")).forEach((e) -> reasoning.append(e.data().path("text").asString()));
		events.stream().filter((e) -> e.name().equals("token")).forEach((e) -> tokens.append(e.data().path("text").asString()));
		assertThat(reasoning).hasToString("Plan it.");
		assertThat(tokens).hasToString(JAVA_ANSWER);
		assertThat(events.get(0).name()).isEqualTo("reasoning");
		CodeApiClient.Event done = events.get(events.size() - 1);
		assertThat(done.name()).isEqualTo("done");
		assertThat(done.data().path("code").asString()).startsWith("public final class Greeter {");
		assertThat(events.stream().filter((e) -> e.name().equals("token")).count()).isGreaterThan(3);
	}

	@Test
	void streamsAnErrorEventWhenTheModelFailsMidway() throws Exception {
		this.deepseek.faults().cutAfterChunks(3);

		List<CodeApiClient.Event> events = CodeApiClient.events(this.api
			.post("/api/code", "{\"language\":\"java\",\"task\":\"a long class\",\"stream\":true}")
			.body());

		assertThat(events.get(events.size() - 1).name()).isEqualTo("error");
		assertThat(events.get(events.size() - 1).data().path("message").asString()).isNotBlank();
	}

	@Test
	void completesCodeWithFimOnTheBetaEndpointWithoutThinking() throws Exception {
		this.deepseek.onUserMessage("def add(a, b):", ScriptedReply.text("    return a + b"));

		HttpResponse<String> response = this.api.post("/api/code/complete", """
				{"language":"python","prefix":"def add(a, b):\\n","suffix":"\\nprint(add(1, 2))","maxTokens":32}""");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = this.api.json(response);
		assertThat(body.path("text").asString()).isEqualTo("    return a + b");
		assertThat(body.path("backend").asString()).isEqualTo("remote");
		RecordedRequest fim = this.deepseek.requests().last();
		assertThat(fim.path()).isEqualTo("/beta/completions");
		assertThat(fim.json().path("suffix").asString()).isEqualTo("\nprint(add(1, 2))");
		assertThat(fim.json().path("max_tokens").asInt()).isEqualTo(32);
		assertThat(fim.json().path("thinking").path("type").asString("disabled")).isEqualTo("disabled");
	}

	@Test
	void refusesAnUnknownLanguageWithTheSupportedList() throws Exception {
		for (String body : List.of("{\"language\":\"cobol\",\"task\":\"x\"}",
				"{\"language\":\"cobol\",\"prefix\":\"x\"}")) {
			String path = body.contains("prefix") ? "/api/code/complete" : "/api/code";
			HttpResponse<String> response = this.api.post(path, body);
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			JsonNode problem = this.api.json(response);
			assertThat(problem.path("detail").asString()).contains("cobol", "java, ");
			assertThat(problem.path("supported").toString()).contains("\"java\"", "\"python\"");
		}
		assertThat(this.deepseek.requests().count()).isZero();
	}

	@Test
	void refusesOversizedInputWith413() throws Exception {
		String prefix = "x".repeat(150);
		HttpResponse<String> infill = this.api.post("/api/code/complete",
				"{\"language\":\"java\",\"prefix\":\"" + prefix + "\",\"suffix\":\"" + "y".repeat(51) + "\"}");
		assertThat(infill.statusCode()).isEqualTo(413);
		assertThat(this.api.json(infill).path("detail").asString()).contains("201", "200");

		HttpResponse<String> context = this.api.post("/api/code", "{\"language\":\"java\",\"task\":\"t\","
				+ "\"context\":[{\"path\":\"a\",\"content\":\"" + "z".repeat(301) + "\"}]}");
		assertThat(context.statusCode()).isEqualTo(413);
		assertThat(this.deepseek.requests().count()).isZero();
	}

	@Test
	void refusesMalformedAndIncompleteRequestsWith400ProblemDetails() throws Exception {
		for (String[] call : new String[][] { { "/api/code", "{\"language\":\"java\",\"task\":" },
				{ "/api/code/complete", "not json" }, { "/api/code", "{\"language\":\"java\",\"task\":\"  \"}" },
				{ "/api/code", "{\"language\":\"java\",\"task\":\"t\",\"context\":[{\"path\":\"a\"}]}" },
				{ "/api/code/complete", "{\"language\":\"java\"}" },
				{ "/api/code/complete", "{\"language\":\"java\",\"prefix\":\"a\",\"maxTokens\":0}" } }) {
			HttpResponse<String> response = this.api.post(call[0], call[1]);
			assertThat(response.statusCode()).as(call[1]).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).as(call[1]).hasValue("application/problem+json");
			assertThat(this.api.json(response).path("status").asInt()).isEqualTo(400);
		}
		assertThat(this.deepseek.requests().count()).isZero();
	}

}
