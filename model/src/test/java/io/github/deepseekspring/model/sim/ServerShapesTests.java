package io.github.deepseekspring.model.sim;

import java.util.List;

import io.github.deepseekspring.model.api.DeepSeekProtocolException;
import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.chat.DeepSeekMetadata;
import io.github.deepseekspring.model.chat.DeepSeekUsage;
import io.github.deepseekspring.model.resilience.RetryPolicy;
import io.github.deepseekspring.testkit.shapes.ServerShape;
import io.github.deepseekspring.testkit.shapes.ShapeReplayServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.model.MessageAggregator;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client reads the answers of every server that speaks DeepSeek's protocol, called and streamed: what a server
 * leaves out or adds never fails a call, OpenAI-style cache counts count as cache hits, and an answer that truly
 * cannot be read is a protocol error naming the field.
 */
class ServerShapesTests {

	static ShapeReplayServer server;

	@BeforeAll
	static void start() {
		server = ShapeReplayServer.start(ServerShape.DEEPSEEK);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	private static DeepSeekChatModel model() {
		return DeepSeekChatModel.builder()
			.remote(server.baseUrl().toString(), "sk-test-dummy-key")
			.retryPolicy(RetryPolicy.none())
			.build();
	}

	@ParameterizedTest
	@EnumSource(ServerShape.class)
	void callReadsTheWholeAnswer(ServerShape shape) {
		server.answerWith(shape);
		ChatResponse response = model().call(new Prompt("Hello"));

		assertAnswer(shape, response);
	}

	@ParameterizedTest
	@EnumSource(ServerShape.class)
	void streamReadsEveryChunkAndTheUsage(ServerShape shape) {
		server.answerWith(shape);
		List<ChatResponse> chunks = model().stream(new Prompt("Hello")).collectList().block();

		ChatResponse[] whole = new ChatResponse[1];
		new MessageAggregator().aggregate(Flux.fromIterable(chunks), aggregated -> whole[0] = aggregated).blockLast();
		// the aggregator keeps Spring AI's own usage type; DeepSeek's rides on the closing chunk
		assertAnswer(shape, whole[0].getResult(), chunks.get(chunks.size() - 1));
	}

	private static void assertAnswer(ServerShape shape, ChatResponse response) {
		assertAnswer(shape, response.getResult(), response);
	}

	private static void assertAnswer(ServerShape shape, Generation generation, ChatResponse withUsage) {
		AssistantMessage message = generation.getOutput();
		assertThat(message.getText()).isEqualTo(ServerShape.TEXT);
		if (shape.reasons()) {
			assertThat(DeepSeekMetadata.reasoning(message)).contains(ServerShape.REASONING);
		}
		assertThat(generation.getMetadata().getFinishReason()).isEqualTo("stop");
		DeepSeekUsage usage = (DeepSeekUsage) withUsage.getMetadata().getUsage();
		assertThat(usage.promptTokens()).isEqualTo(ServerShape.PROMPT_TOKENS);
		assertThat(usage.completionTokens()).isEqualTo(ServerShape.COMPLETION_TOKENS);
		assertThat(usage.cacheHitTokens()).as("cache hits").isEqualTo(shape.cachedTokens());
		assertThat(usage.cacheMissTokens()).as("cache misses").isEqualTo(ServerShape.PROMPT_TOKENS - shape.cachedTokens());
		assertThat(usage.costCny()).isPositive();
	}

	@Test
	void nullsWhereValuesMayBeMissingNeverFailACall() {
		server.answerWith("""
				{"id":null,"object":"chat.completion","created":null,"model":"m","choices":[{"index":null,
				"message":{"role":"assistant","content":"Hi","reasoning_content":null,"tool_calls":null},
				"logprobs":null,"finish_reason":null}],"usage":{"prompt_tokens":3,"completion_tokens":null,
				"total_tokens":null,"prompt_cache_hit_tokens":null,"completion_tokens_details":null},"brand_new":{"x":1}}
				""", """
				data: {"choices":[{"index":null,"delta":{"content":"Hi"},"finish_reason":null}],"usage":null}

				data: {"choices":[],"usage":{"prompt_tokens":3}}

				data: [DONE]

				""");
		ChatResponse call = model().call(new Prompt("Hi"));
		assertThat(call.getResult().getOutput().getText()).isEqualTo("Hi");
		assertThat(call.getResult().getMetadata().getFinishReason()).isNull();
		assertThat(call.getMetadata().getUsage().getPromptTokens()).isEqualTo(3);
		assertThat(call.getMetadata().getUsage().getCompletionTokens()).isZero();

		String streamed = model().stream(new Prompt("Hi"))
			.map(chunk -> chunk.getResult().getOutput().getText())
			.reduce("", String::concat)
			.block();
		assertThat(streamed).isEqualTo("Hi");
	}

	@Test
	void anAnswerThatCannotBeReadIsAProtocolErrorNamingTheField() {
		server.answerWith("""
				{"choices":[{"message":{"role":"assistant","content":"Hi"}}],"usage":{"prompt_tokens":"many"}}
				""", """
				data: {"choices":[{"delta":{"content":"Hi"}}],"usage":{"prompt_tokens":{"a":1}}}

				data: [DONE]

				""");
		assertThatThrownBy(() -> model().call(new Prompt("Hi"))).isInstanceOf(DeepSeekProtocolException.class)
			.satisfies(error -> assertThat(((DeepSeekProtocolException) error).field()).isEqualTo("usage.prompt_tokens"));
		assertThatThrownBy(() -> model().stream(new Prompt("Hi")).blockLast())
			.isInstanceOf(DeepSeekProtocolException.class)
			.satisfies(error -> assertThat(((DeepSeekProtocolException) error).field()).isEqualTo("usage.prompt_tokens"));

		server.answerWith("{\"id\":\"x\",\"choices\":[]}", "data: [DONE]\n\n");
		assertThatThrownBy(() -> model().call(new Prompt("Hi"))).isInstanceOf(DeepSeekProtocolException.class)
			.hasMessageContaining("'choices'");
	}

}
