package io.github.deepseekspring.model.remote;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.github.deepseekspring.model.api.ChatCompletionChunk;
import io.github.deepseekspring.model.chat.DeepSeekMetadata;
import io.github.deepseekspring.model.chat.DeepSeekUsage;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.MessageAggregator;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class StreamAccumulatorTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static ChatCompletionChunk chunk(String json) {
		return mapper.readValue(json, ChatCompletionChunk.class);
	}

	@Test
	void springAiAggregationKeepsReasoningToolCallsAndCacheUsage() {
		StreamAccumulator accumulator = new StreamAccumulator((model, usage) -> new BigDecimal("0.5"), "deepseek-flash");
		List<ChatCompletionChunk> wire = List.of(
				chunk("{\"id\":\"c1\",\"model\":\"deepseek-flash\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}"),
				chunk("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"Need \"}}]}"),
				chunk("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"weather.\"}}]}"),
				chunk("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_9\",\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"ci\"}}]}}]}"),
				chunk("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"ty\\\":\\\"Xi'an\\\"}\"}}]}}]}"),
				chunk("{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}],"
						+ "\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":20,\"total_tokens\":120,\"prompt_cache_hit_tokens\":64,"
						+ "\"prompt_cache_miss_tokens\":36,\"completion_tokens_details\":{\"reasoning_tokens\":12}}}"));
		List<ChatResponse> emitted = new ArrayList<>();
		for (ChatCompletionChunk c : wire) {
			ChatResponse r = accumulator.accept(c);
			if (r != null) {
				emitted.add(r);
			}
		}
		emitted.add(accumulator.finish());
		assertThat(emitted).hasSize(3);
		assertThat(DeepSeekMetadata.reasoningDelta(emitted.get(0).getResult().getOutput())).contains("Need ");

		ChatResponse[] aggregated = new ChatResponse[1];
		new MessageAggregator().aggregate(Flux.fromIterable(emitted), r -> aggregated[0] = r).blockLast();

		var message = aggregated[0].getResult().getOutput();
		assertThat(DeepSeekMetadata.reasoning(message)).contains("Need weather.");
		assertThat(message.getToolCalls()).singleElement().satisfies(call -> {
			assertThat(call.id()).isEqualTo("call_9");
			assertThat(call.name()).isEqualTo("weather");
			assertThat(call.arguments()).isEqualTo("{\"city\":\"Xi'an\"}");
		});
		assertThat(message.getMetadata()).containsEntry(DeepSeekMetadata.CACHE_HIT_TOKENS, 64L)
			.containsEntry(DeepSeekMetadata.CACHE_MISS_TOKENS, 36L)
			.containsEntry(DeepSeekMetadata.REASONING_TOKENS, 12L)
			.containsEntry(DeepSeekMetadata.COST_CNY, new BigDecimal("0.5"));
		assertThat(aggregated[0].getMetadata().getUsage().getPromptTokens()).isEqualTo(100);

		DeepSeekUsage usage = (DeepSeekUsage) emitted.get(2).getMetadata().getUsage();
		assertThat(usage.getCacheReadInputTokens()).isEqualTo(64L);
		assertThat(aggregated[0].getResult().getMetadata().getFinishReason()).isEqualTo("tool_calls");
	}

}
