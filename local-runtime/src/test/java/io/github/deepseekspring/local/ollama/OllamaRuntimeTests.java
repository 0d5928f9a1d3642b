package io.github.deepseekspring.local.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.deepseekspring.local.BadRequestException;
import io.github.deepseekspring.local.LocalRuntime;
import io.github.deepseekspring.local.LocalRuntimes;
import io.github.deepseekspring.local.Streams;
import io.github.deepseekspring.local.chat.ChatMessage;
import io.github.deepseekspring.local.chat.ChatRequest;
import io.github.deepseekspring.local.chat.GenerateRequest;
import io.github.deepseekspring.local.chat.LocalChatChunk;
import io.github.deepseekspring.local.chat.LocalChatResponse;
import io.github.deepseekspring.local.chat.ToolSpec;
import io.github.deepseekspring.local.models.PullProgress;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.TestImages;
import io.github.deepseekspring.testkit.ToolCallSpec;
import io.github.deepseekspring.testkit.junit.SimulatorsExtension;
import io.github.deepseekspring.testkit.ollama.OllamaSimulator;

@ExtendWith(SimulatorsExtension.class)
class OllamaRuntimeTests {

	private static final String R1 = "deepseek-r1:7b";

	private final OllamaSimulator ollama;
	private LocalRuntime runtime;

	OllamaRuntimeTests(OllamaSimulator ollama) {
		this.ollama = ollama;
	}

	@BeforeEach
	void build() {
		runtime = LocalRuntimes.builder().protocol("ollama").endpoint(ollama.baseUrl().toString()).defaultModel(R1)
			.healthCheckInterval(Duration.ZERO).build();
		ollama.onUserMessage("capital", ScriptedReply.text("Paris is the capital.").withReasoning("The user asks about France."));
	}

	@AfterEach
	void close() {
		runtime.close();
	}

	@Test
	void aVisionModelGetsImagesAsBase64AndLinksAreRefusedBeforeSending() {
		ollama.withModel("llava:7b");
		String png = TestImages.dataUrl(TestImages.png(), "image/png");
		LocalChatResponse reply = runtime.chat(ChatRequest.builder("llava:7b")
			.message(ChatMessage.user("What is this?", List.of(png))).build());
		assertThat(reply.content()).isEqualTo("Echo: What is this? [image: PNG]");
		assertThat(ollama.requests().last().json().path("messages").get(0).path("images").get(0).asString())
			.isEqualTo(png.substring(png.indexOf(',') + 1));
		assertThat(runtime.show("llava:7b").can("vision")).isTrue();

		int sent = ollama.requests().count("/api/chat");
		assertThatThrownBy(() -> runtime.chat(ChatRequest.builder("llava:7b")
			.message(ChatMessage.user("What is this?", List.of("https://example.com/a.png"))).build()))
			.isInstanceOf(BadRequestException.class)
			.hasMessageContaining("takes images as data, not links");
		assertThat(ollama.requests().count("/api/chat")).isEqualTo(sent);
	}

	@Test
	void chatSplitsInlineReasoningFromTheAnswer() {
		LocalChatResponse reply = runtime.chat(ChatRequest.builder(null).user("What is the capital of France?").build());
		assertThat(reply.content()).isEqualTo("Paris is the capital.");
		assertThat(reply.thinking()).isEqualTo("The user asks about France.");
		assertThat(reply.model()).isEqualTo(R1);
		assertThat(reply.doneReason()).isEqualTo("stop");
		assertThat(reply.promptTokens()).isPositive();
		assertThat(reply.completionTokens()).isPositive();
		assertThat(ollama.requests().last().json().path("stream").asBoolean(true)).isFalse();
	}

	@Test
	void thinkTrueUsesTheThinkingField() {
		LocalChatResponse reply = runtime.chat(ChatRequest.builder(R1).user("capital?").think(true).build());
		assertThat(reply.content()).isEqualTo("Paris is the capital.");
		assertThat(reply.thinking()).isEqualTo("The user asks about France.");
		assertThat(ollama.requests().last().json().path("think").asBoolean()).isTrue();
	}

	@Test
	void streamDeliversTheSameSplitAnswerChunkByChunk() {
		List<LocalChatChunk> chunks = Streams.collect(runtime.chatStream(ChatRequest.builder(R1).user("capital?").build()));
		assertThat(chunks.size()).isGreaterThan(3);
		assertThat(join(chunks, false)).isEqualTo("Paris is the capital.");
		assertThat(join(chunks, true)).isEqualTo("The user asks about France.");
		LocalChatChunk last = chunks.get(chunks.size() - 1);
		assertThat(last.done()).isTrue();
		assertThat(last.completionTokens()).isPositive();
		assertThat(chunks.subList(0, chunks.size() - 1)).noneMatch(LocalChatChunk::done);
	}

	@Test
	void streamWithThinkTrueCarriesThinkingChunks() {
		List<LocalChatChunk> chunks = Streams
			.collect(runtime.chatStream(ChatRequest.builder(R1).user("capital?").think(true).build()));
		assertThat(join(chunks, true)).isEqualTo("The user asks about France.");
		assertThat(join(chunks, false)).isEqualTo("Paris is the capital.");
	}

	@Test
	void toolsGoOutAndToolCallsComeBack() {
		ollama.onUserMessage("weather", ScriptedReply.toolCalls(ToolCallSpec.of("get_weather", "{\"city\":\"Paris\"}"))
			.thenText("It is sunny."));
		ChatRequest request = ChatRequest.builder(R1).user("weather in Paris?")
			.tool(new ToolSpec("get_weather", "Weather of a city",
					"{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}"))
			.build();
		LocalChatResponse reply = runtime.chat(request);
		assertThat(reply.toolCalls()).singleElement().satisfies(call -> {
			assertThat(call.name()).isEqualTo("get_weather");
			assertThat(call.argumentsJson()).isEqualTo("{\"city\":\"Paris\"}");
		});
		assertThat(ollama.requests().last().json().path("tools").get(0).path("function").path("name").asString())
			.isEqualTo("get_weather");
		ChatRequest followUp = request.toBuilder().message(ChatMessage.assistant("", reply.toolCalls()))
			.message(ChatMessage.tool("get_weather", "{\"sky\":\"sunny\"}")).build();
		assertThat(runtime.chat(followUp).content()).isEqualTo("It is sunny.");
		List<LocalChatChunk> streamed = Streams.collect(runtime.chatStream(request));
		assertThat(streamed.stream().flatMap(c -> c.toolCalls().stream()).toList()).singleElement()
			.satisfies(call -> assertThat(call.name()).isEqualTo("get_weather"));
	}

	@Test
	void formatOptionsAndKeepAliveReachTheRuntime() {
		String schema = "{\"type\":\"object\",\"properties\":{\"answer\":{\"type\":\"string\"}}}";
		LocalChatResponse reply = runtime.chat(ChatRequest.builder(R1).user("say hi").format(schema)
			.option("num_ctx", 8192).temperature(0.2).keepAlive("7m").build());
		var sent = ollama.requests().last().json();
		assertThat(sent.path("format").path("type").asString()).isEqualTo("object");
		assertThat(sent.path("options").path("num_ctx").asInt()).isEqualTo(8192);
		assertThat(sent.path("options").path("temperature").asDouble()).isEqualTo(0.2);
		assertThat(sent.path("keep_alive").asString()).isEqualTo("7m");
		assertThat(reply.content()).startsWith("{");
		assertThat(runtime.running()).anySatisfy(model -> {
			assertThat(model.name()).isEqualTo(R1);
			assertThat(model.sizeVramBytes()).isPositive();
			assertThat(model.expiresAt()).isAfter(Instant.now().plusSeconds(5 * 60));
		});
	}

	@Test
	void maxTokensCutsTheAnswerWithDoneReasonLength() {
		LocalChatResponse reply = runtime.chat(ChatRequest.builder(R1).user("capital?").think(true).maxTokens(2).build());
		assertThat(reply.doneReason()).isEqualTo("length");
		assertThat(ollama.requests().last().json().path("options").path("num_predict").asInt()).isEqualTo(2);
	}

	@Test
	void generateFillsInTheMiddleAndSendsRaw() {
		var reply = runtime.generate(GenerateRequest.fillInMiddle("deepseek-coder-v2:16b", "int add(int a, int b) {\n",
				"\n}", 64));
		assertThat(reply.response()).contains("infill after: int add(int a, int b) {").contains("before: }");
		var sent = ollama.requests().last().json();
		assertThat(sent.path("suffix").asString()).isEqualTo("\n}");
		assertThat(sent.path("options").path("num_predict").asInt()).isEqualTo(64);
		runtime.generate(GenerateRequest.of("deepseek-coder-v2:16b", "[INST] hi [/INST]").withRaw(true));
		assertThat(ollama.requests().last().json().path("raw").asBoolean()).isTrue();
	}

	@Test
	void generateStreamsTheSameTextAndSplitsReasoning() {
		GenerateRequest fim = GenerateRequest.fillInMiddle("deepseek-coder-v2:16b", "int add(int a, int b) {\n", "\n}", 64);
		List<LocalChatChunk> chunks = Streams.collect(runtime.generateStream(fim));
		assertThat(join(chunks, false)).isEqualTo(runtime.generate(fim).response());
		assertThat(chunks).last().satisfies(c -> assertThat(c.done()).isTrue());
		List<LocalChatChunk> reasoning = Streams.collect(runtime.generateStream(GenerateRequest.of(R1, "capital?")));
		assertThat(join(reasoning, true)).isEqualTo("The user asks about France.");
		assertThat(join(reasoning, false)).isEqualTo("Paris is the capital.");
	}

	@Test
	void embedReturnsOneUnitVectorPerInput() {
		var embeddings = runtime.embed("bge-m3", List.of("hello", "world"));
		assertThat(embeddings.vectors()).hasSize(2);
		assertThat(embeddings.vectors().get(0)).hasSize(1024);
		double norm = 0;
		for (float v : embeddings.vectors().get(0)) {
			norm += v * v;
		}
		assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
	}

	@Test
	void modelManagement() {
		assertThat(runtime.version()).isNotBlank();
		assertThat(runtime.models()).extracting(m -> m.name()).contains(R1, "bge-m3:latest");
		var details = runtime.show(R1);
		assertThat(details.can("thinking")).isTrue();
		assertThat(details.contextLength()).isPositive();
		assertThat(runtime.show("bge-m3").embeddingLength()).isEqualTo(1024);
		List<PullProgress> progress = new ArrayList<>();
		runtime.pull("qwen3:0.6b", progress::add);
		assertThat(progress).last().satisfies(p -> assertThat(p.isSuccess()).isTrue());
		assertThat(progress).anySatisfy(p -> {
			assertThat(p.totalBytes()).isPositive();
			assertThat(p.completedBytes()).isEqualTo(p.totalBytes());
			assertThat(p.fraction()).isEqualTo(1.0);
		});
		assertThat(runtime.models()).extracting(m -> m.name()).contains("qwen3:0.6b");
		runtime.delete("qwen3:0.6b");
		assertThat(runtime.models()).extracting(m -> m.name()).doesNotContain("qwen3:0.6b");
		assertThat(runtime.endpoints()).singleElement().satisfies(e -> assertThat(e.up()).isTrue());
	}

	static String join(List<LocalChatChunk> chunks, boolean thinking) {
		StringBuilder text = new StringBuilder();
		chunks.forEach(c -> text.append(thinking ? c.thinking() : c.content()));
		return text.toString();
	}

}
