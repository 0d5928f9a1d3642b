package io.github.deepseekspring.local.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.deepseekspring.local.LocalRuntime;
import io.github.deepseekspring.local.LocalRuntimes;
import io.github.deepseekspring.local.ModelNotFoundException;
import io.github.deepseekspring.local.ServerErrorException;
import io.github.deepseekspring.local.Streams;
import io.github.deepseekspring.local.chat.ChatRequest;
import io.github.deepseekspring.local.chat.LocalChatChunk;
import io.github.deepseekspring.local.chat.LocalChatResponse;
import io.github.deepseekspring.local.chat.ToolSpec;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.TestImages;
import io.github.deepseekspring.testkit.ToolCallSpec;
import io.github.deepseekspring.testkit.junit.SimulatorsExtension;
import io.github.deepseekspring.testkit.ollama.OllamaSimulator;

/** The OpenAI-compatible protocol against Ollama's {@code /v1} (as vLLM, llama.cpp and SGLang serve it). */
@ExtendWith(SimulatorsExtension.class)
class OpenAiRuntimeTests {

	private static final String R1 = "deepseek-r1:7b";

	private final OllamaSimulator ollama;
	private LocalRuntime runtime;

	OpenAiRuntimeTests(OllamaSimulator ollama) {
		this.ollama = ollama;
	}

	@BeforeEach
	void build() {
		runtime = LocalRuntimes.builder().protocol("openai").endpoint(ollama.baseUrl().toString()).defaultModel(R1)
			.apiKey("sk-test-dummy-key").healthCheckInterval(Duration.ZERO).build();
		ollama.onUserMessage("capital", ScriptedReply.text("Paris is the capital.").withReasoning("The user asks about France."));
	}

	@AfterEach
	void close() {
		runtime.close();
	}

	@Test
	void imagesTravelAsImageUrlContentParts() {
		ollama.withModel("llava:7b");
		String png = TestImages.dataUrl(TestImages.png(), "image/png");
		LocalChatResponse reply = runtime.chat(ChatRequest.builder("llava:7b")
			.message(io.github.deepseekspring.local.chat.ChatMessage.user("What is this?", List.of(png))).build());
		assertThat(reply.content()).isEqualTo("Echo: What is this? [image: PNG]");
		var content = ollama.requests().last().json().path("messages").get(0).path("content");
		assertThat(content.get(0).path("text").asString()).isEqualTo("What is this?");
		assertThat(content.get(1).path("image_url").path("url").asString()).isEqualTo(png);
	}

	@Test
	void chatSplitsInlineReasoning() {
		LocalChatResponse reply = runtime.chat(ChatRequest.builder(null).user("capital?").maxTokens(100).build());
		assertThat(reply.content()).isEqualTo("Paris is the capital.");
		assertThat(reply.thinking()).isEqualTo("The user asks about France.");
		assertThat(reply.doneReason()).isEqualTo("stop");
		assertThat(reply.completionTokens()).isPositive();
		var sent = ollama.requests().last();
		assertThat(sent.path()).isEqualTo("/v1/chat/completions");
		assertThat(sent.json().path("max_tokens").asInt()).isEqualTo(100);
		assertThat(sent.headers().get("authorization")).containsExactly("Bearer sk-test-dummy-key");
	}

	@Test
	void thinkUsesTheReasoningField() {
		LocalChatResponse reply = runtime.chat(ChatRequest.builder(R1).user("capital?").think(true).build());
		assertThat(reply.thinking()).isEqualTo("The user asks about France.");
		assertThat(reply.content()).isEqualTo("Paris is the capital.");
	}

	@Test
	void streamOverServerSentEvents() {
		List<LocalChatChunk> chunks = Streams.collect(runtime.chatStream(ChatRequest.builder(R1).user("capital?").build()));
		StringBuilder content = new StringBuilder();
		StringBuilder thinking = new StringBuilder();
		chunks.forEach(c -> {
			content.append(c.content());
			thinking.append(c.thinking());
		});
		assertThat(content).hasToString("Paris is the capital.");
		assertThat(thinking).hasToString("The user asks about France.");
		assertThat(chunks).last().satisfies(last -> {
			assertThat(last.done()).isTrue();
			assertThat(last.doneReason()).isEqualTo("stop");
			assertThat(last.completionTokens()).isPositive();
		});
	}

	@Test
	void toolCallsStreamedInPiecesArriveWhole() {
		ollama.onUserMessage("weather", ScriptedReply.toolCalls(ToolCallSpec.of("get_weather", "{\"city\":\"Paris\"}")));
		ChatRequest request = ChatRequest.builder(R1).user("weather?")
			.tool(new ToolSpec("get_weather", "Weather", "{\"type\":\"object\"}")).build();
		assertThat(runtime.chat(request).toolCalls()).singleElement()
			.satisfies(call -> assertThat(call.argumentsJson()).isEqualTo("{\"city\":\"Paris\"}"));
		List<LocalChatChunk> chunks = Streams.collect(runtime.chatStream(request));
		assertThat(chunks.stream().flatMap(c -> c.toolCalls().stream()).toList()).singleElement().satisfies(call -> {
			assertThat(call.name()).isEqualTo("get_weather");
			assertThat(call.id()).isNotBlank();
			assertThat(call.argumentsJson()).isEqualTo("{\"city\":\"Paris\"}");
		});
	}

	@Test
	void baseUrlMayEndInV1() {
		try (LocalRuntime withV1 = LocalRuntimes.builder().protocol("openai").endpoint(ollama.baseUrl() + "/v1/")
			.healthCheckInterval(Duration.ZERO).build()) {
			assertThat(withV1.chat(ChatRequest.builder(R1).user("capital?").build()).content())
				.isEqualTo("Paris is the capital.");
			assertThat(ollama.requests().last().path()).isEqualTo("/v1/chat/completions");
		}
	}

	@Test
	void modelsAndHealth() {
		assertThat(runtime.models()).extracting(m -> m.name()).contains(R1);
		assertThat(runtime.version()).isEqualTo("openai-compatible");
		assertThat(runtime.running()).isEmpty();
		assertThatThrownBy(() -> runtime.pull(R1, p -> { })).isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void errorsUseTheTypedExceptions() {
		assertThatThrownBy(() -> runtime.chat(ChatRequest.builder("nope:1b").user("hi").build()))
			.isInstanceOf(ModelNotFoundException.class);
		ollama.faults().cutAfterChunks(2);
		Throwable cut = Streams.subscribe(runtime.chatStream(ChatRequest.builder(R1).user("capital?").build()))
			.awaitError(Duration.ofSeconds(5));
		assertThat(cut).isInstanceOf(ServerErrorException.class);
	}

}
