package io.github.deepseekspring.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;

import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the app's OpenAI-compatible facade ({@code /v1/chat/completions}) adds to a call: the official OpenAI Java SDK
 * sends the same non-thinking request to the in-JVM DeepSeek simulator directly and through the app (started in
 * process, in front of the same simulator), in the same run. Measures the latency of a whole call and the time to the
 * first content chunk of a stream, and {@code GET /v1/models} as the cost of HTTP, filters and Spring MVC without the
 * model, at concurrency 1 and 16 (override with {@code -Dbenchmark.concurrency=1,64}).
 *
 * <p>Run: {@code mvn -q -pl benchmarks -am -DskipTests install && mvn -q -pl benchmarks exec:java
 * -Dbenchmark.main=io.github.deepseekspring.benchmarks.FacadeOverheadBenchmark} (optional
 * {@code -Dbenchmark.requests=2000}).
 */
public final class FacadeOverheadBenchmark {

	private static final String QUESTION = "What is the warranty period of the YF-AX3000 router?";

	private static final String KEY = "bench-key-not-secret";

	private FacadeOverheadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int requests = Integer.getInteger("benchmark.requests", 2000);
		int[] concurrencies = Arrays.stream(System.getProperty("benchmark.concurrency", "1,16").split(","))
			.mapToInt((c) -> Integer.parseInt(c.strip()))
			.toArray();
		Path dataDir = Files.createTempDirectory("facade-benchmark");
		try (DeepSeekSimulator simulator = DeepSeekSimulator.start();
				ConfigurableApplicationContext app = startApp(simulator, dataDir)) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			OpenAIClient direct = client(simulator.baseUrl().toString(), simulator.apiKey());
			OpenAIClient facade = client("http://127.0.0.1:" + port + "/v1", KEY);
			ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
				.model("deepseek-flash")
				.addUserMessage(QUESTION)
				.putAdditionalBodyProperty("thinking", JsonValue.from(Map.of("type", "disabled")))
				.build();

			ConcurrentRunner.Action directCall = () -> call(direct, params);
			ConcurrentRunner.Action facadeCall = () -> call(facade, params);
			ConcurrentRunner.Action directFirstToken = () -> firstToken(direct, params);
			ConcurrentRunner.Action facadeFirstToken = () -> firstToken(facade, params);
			// The app's own model bean, without the facade: what the configured model costs on its own.
			DeepSeekChatModel model = app.getBean(DeepSeekChatModel.class);
			Prompt prompt = new Prompt(QUESTION, DeepSeekChatOptions.builder().model("deepseek-flash").thinking(false).build());
			ConcurrentRunner.Action modelCall = () -> model.call(prompt);
			// Without the model: what HTTP, the filters and Spring MVC cost on their own.
			ConcurrentRunner.Action directModels = () -> direct.models().list();
			ConcurrentRunner.Action facadeModels = () -> facade.models().list();

			System.out.println("Warming up...");
			for (ConcurrentRunner.Action action : new ConcurrentRunner.Action[] { directCall, facadeCall,
					directFirstToken, facadeFirstToken, directModels, facadeModels, modelCall }) {
				ConcurrentRunner.measure(8, Math.min(requests, 1500), action);
			}
			System.out.println("| measure | concurrency | SDK → simulator | SDK → /v1 facade → simulator | added p50 | added p99 |");
			System.out.println("|---|---|---|---|---|---|");
			for (int concurrency : concurrencies) {
				report("models().list()", concurrency, ConcurrentRunner.measure(concurrency, requests, directModels),
						ConcurrentRunner.measure(concurrency, requests, facadeModels));
				LatencyStats directCalls = ConcurrentRunner.measure(concurrency, requests, directCall);
				report("create()", concurrency, directCalls, ConcurrentRunner.measure(concurrency, requests, facadeCall));
				report("app's model bean call(), no facade", concurrency, directCalls,
						ConcurrentRunner.measure(concurrency, requests, modelCall));
				report("createStreaming() first token", concurrency,
						ConcurrentRunner.measure(concurrency, requests, directFirstToken),
						ConcurrentRunner.measure(concurrency, requests, facadeFirstToken));
			}
			direct.close();
			facade.close();
		}
	}

	private static ConfigurableApplicationContext startApp(DeepSeekSimulator simulator, Path dataDir) {
		return InProcessApp.start(simulator, "facade-benchmark", dataDir,
				Map.of("deepseek.rag.api-keys", KEY, "deepseek.rag.sample-data", "false"));
	}

	private static OpenAIClient client(String baseUrl, String key) {
		return OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey(key).maxRetries(0).build();
	}

	private static void call(OpenAIClient client, ChatCompletionCreateParams params) {
		if (client.chat().completions().create(params).choices().get(0).message().content().isEmpty()) {
			throw new IllegalStateException("empty answer");
		}
	}

	private static void firstToken(OpenAIClient client, ChatCompletionCreateParams params) {
		try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
			stream.stream()
				.filter((chunk) -> chunk.choices().stream().anyMatch((c) -> c.delta().content().isPresent()
						&& !c.delta().content().get().isEmpty()))
				.findFirst()
				.orElseThrow();
		}
	}

	private static void report(String measure, int concurrency, LatencyStats direct, LatencyStats facade) {
		System.out.printf("| %s | %d | %s | %s | %.3f ms | %.3f ms |%n", measure, concurrency, direct.summary(),
				facade.summary(), facade.percentileMillis(50) - direct.percentileMillis(50),
				facade.percentileMillis(99) - direct.percentileMillis(99));
	}

}
