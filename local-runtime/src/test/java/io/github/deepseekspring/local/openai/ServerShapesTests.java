package io.github.deepseekspring.local.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.github.deepseekspring.local.LocalProtocolException;
import io.github.deepseekspring.local.LocalRuntime;
import io.github.deepseekspring.local.LocalRuntimes;
import io.github.deepseekspring.local.Streams;
import io.github.deepseekspring.local.chat.ChatRequest;
import io.github.deepseekspring.local.chat.LocalChatChunk;
import io.github.deepseekspring.local.chat.LocalChatResponse;
import io.github.deepseekspring.testkit.shapes.ServerShape;
import io.github.deepseekspring.testkit.shapes.ShapeReplayServer;

/**
 * The OpenAI-compatible protocol reads what each server really sends (vLLM, SGLang, llama.cpp, Ollama, gateways),
 * whole and streamed; an answer that cannot be read is a protocol error naming the field.
 */
class ServerShapesTests {

	private static ShapeReplayServer server;
	private static LocalRuntime runtime;

	@BeforeAll
	static void start() {
		server = ShapeReplayServer.start(ServerShape.VLLM);
		runtime = LocalRuntimes.builder().protocol("openai").endpoint(server.baseUrl().toString()).defaultModel("m")
			.healthCheckInterval(Duration.ZERO).build();
	}

	@AfterAll
	static void stop() {
		runtime.close();
		server.close();
	}

	@ParameterizedTest
	@EnumSource(ServerShape.class)
	void chatReadsTheWholeAnswer(ServerShape shape) {
		server.answerWith(shape);
		LocalChatResponse reply = runtime.chat(ChatRequest.builder(null).user("Hello").build());
		assertThat(reply.content()).isEqualTo(ServerShape.TEXT);
		assertThat(reply.thinking()).isEqualTo(shape.reasons() ? ServerShape.REASONING : "");
		assertThat(reply.doneReason()).isEqualTo("stop");
		assertThat(reply.promptTokens()).isEqualTo(ServerShape.PROMPT_TOKENS);
		assertThat(reply.completionTokens()).isEqualTo(ServerShape.COMPLETION_TOKENS);
	}

	@ParameterizedTest
	@EnumSource(ServerShape.class)
	void streamReadsEveryChunkAndTheUsage(ServerShape shape) {
		server.answerWith(shape);
		List<LocalChatChunk> chunks = Streams.collect(runtime.chatStream(ChatRequest.builder(null).user("Hello").build()));
		StringBuilder content = new StringBuilder();
		StringBuilder thinking = new StringBuilder();
		chunks.forEach(chunk -> {
			content.append(chunk.content());
			thinking.append(chunk.thinking());
		});
		assertThat(content).hasToString(ServerShape.TEXT);
		assertThat(thinking).hasToString(shape.reasons() ? ServerShape.REASONING : "");
		LocalChatChunk last = chunks.get(chunks.size() - 1);
		assertThat(last.done()).isTrue();
		assertThat(last.doneReason()).isEqualTo("stop");
		assertThat(last.promptTokens()).isEqualTo(ServerShape.PROMPT_TOKENS);
		assertThat(last.completionTokens()).isEqualTo(ServerShape.COMPLETION_TOKENS);
	}

	@Test
	void anAnswerThatCannotBeReadIsAProtocolErrorNamingTheField() {
		server.answerWith("{\"choices\":[{\"message\":{\"content\":\"Hi\"}}],\"usage\":{\"prompt_tokens\":\"many\"}}",
				"data: {\"choices\":[{\"delta\":{\"content\":{\"not\":\"text\"}}}]}\n\ndata: [DONE]\n\n");
		assertThatThrownBy(() -> runtime.chat(ChatRequest.builder(null).user("Hi").build()))
			.isInstanceOf(LocalProtocolException.class)
			.satisfies(e -> assertThat(((LocalProtocolException) e).field()).isEqualTo("usage.prompt_tokens"));
		assertThatThrownBy(() -> Streams.collect(runtime.chatStream(ChatRequest.builder(null).user("Hi").build())))
			.isInstanceOf(LocalProtocolException.class)
			.satisfies(e -> assertThat(((LocalProtocolException) e).field()).isEqualTo("choices[0].delta.content"));

		server.answerWith("{\"choices\":[]}", "data: [DONE]\n\n");
		assertThatThrownBy(() -> runtime.chat(ChatRequest.builder(null).user("Hi").build()))
			.isInstanceOf(LocalProtocolException.class)
			.hasMessageContaining("'choices'");
	}

}
