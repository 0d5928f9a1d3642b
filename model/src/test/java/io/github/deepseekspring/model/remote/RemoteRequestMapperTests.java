package io.github.deepseekspring.model.remote;

import java.util.List;
import java.util.Map;

import io.github.deepseekspring.model.api.ChatCompletionRequest;
import io.github.deepseekspring.model.api.RequestMessage;
import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.model.chat.DeepSeekMetadata;
import io.github.deepseekspring.model.routing.BackendRequest;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RemoteRequestMapperTests {

	private static AssistantMessage assistant(String text, String reasoning, boolean toolCall) {
		return AssistantMessage.builder()
			.content(text)
			.properties(Map.of(DeepSeekMetadata.REASONING_CONTENT, reasoning))
			.toolCalls(toolCall ? List.of(new AssistantMessage.ToolCall("call_1", "function", "weather", "{\"city\":\"Hangzhou\"}"))
					: List.of())
			.build();
	}

	private static ToolResponseMessage sunny() {
		return ToolResponseMessage.builder()
			.responses(List.of(new ToolResponseMessage.ToolResponse("call_1", "weather", "sunny")))
			.build();
	}

	@Test
	void reasoningOfToolCallingStretchesIsSentBackAndOtherReasoningIsNot() {
		List<Message> conversation = List.of(new SystemMessage("be brief"), new UserMessage("hi"),
				assistant("Hello!", "greeting thoughts", false), new UserMessage("weather?"),
				assistant("", "I should call the weather tool", true), sunny(),
				assistant("Sunny.", "The tool says sunny.", false), new UserMessage("thanks"));

		List<RequestMessage> wire = RemoteRequestMapper.toMessages(conversation, true);

		assertThat(wire).extracting(RequestMessage::role)
			.containsExactly("system", "user", "assistant", "user", "assistant", "tool", "assistant", "user");
		assertThat(wire.get(2).reasoningContent()).as("stretch without tool calls").isNull();
		assertThat(wire.get(4).reasoningContent()).isEqualTo("I should call the weather tool");
		assertThat(wire.get(6).reasoningContent()).as("answer after the tool results").isEqualTo("The tool says sunny.");
		assertThat(wire.get(4).toolCalls()).singleElement().satisfies(c -> {
			assertThat(c.id()).isEqualTo("call_1");
			assertThat(c.function().name()).isEqualTo("weather");
		});
		assertThat(wire.get(4).content()).isNull();
		assertThat(wire.get(5).toolCallId()).isEqualTo("call_1");
		assertThat(wire.get(5).text()).isEqualTo("sunny");
	}

	@Test
	void aToolCallingStretchWrittenElsewhereGetsAnEmptyReasoningInThinkingModeOnly() {
		AssistantMessage fromElsewhere = AssistantMessage.builder()
			.content("")
			.toolCalls(List.of(new AssistantMessage.ToolCall("call_1", "function", "weather", "{}")))
			.build();
		List<Message> conversation = List.of(new UserMessage("weather?"), fromElsewhere, sunny(),
				new AssistantMessage("Sunny."), new UserMessage("and tomorrow?"));

		List<RequestMessage> thinking = RemoteRequestMapper.toMessages(conversation, true);
		assertThat(thinking.get(1).reasoningContent()).isEmpty();
		assertThat(thinking.get(3).reasoningContent()).isEmpty();

		List<RequestMessage> plain = RemoteRequestMapper.toMessages(conversation, false);
		assertThat(plain.get(1).reasoningContent()).isNull();
		assertThat(plain.get(3).reasoningContent()).isNull();
	}

	@Test
	void samplingParametersAreDroppedInThinkingModeAndKeptOtherwise() {
		DeepSeekChatOptions thinking = DeepSeekChatOptions.builder().temperature(0.3).topP(0.9).build();
		ChatCompletionRequest dropped = RemoteRequestMapper.toRequest(new BackendRequest(List.of(new UserMessage("x")), thinking, List.of()), "deepseek-flash");
		assertThat(dropped.temperature()).isNull();
		assertThat(dropped.topP()).isNull();
		assertThat(dropped.model()).isEqualTo("deepseek-flash");

		DeepSeekChatOptions plain = DeepSeekChatOptions.builder().thinking(false).temperature(0.3).maxTokens(5).build();
		ChatCompletionRequest kept = RemoteRequestMapper.toRequest(new BackendRequest(List.of(new UserMessage("x")), plain, List.of()), "m");
		assertThat(kept.temperature()).isEqualTo(0.3);
		assertThat(kept.thinking().type()).isEqualTo("disabled");
		assertThat(kept.maxTokens()).isEqualTo(5);
	}

	@Test
	void wireJsonUsesDeepSeekFieldNamesAndOmitsUnsetFields() {
		DeepSeekChatOptions options = DeepSeekChatOptions.builder()
			.thinking(true)
			.reasoningEffort("high")
			.responseFormat(ChatCompletionRequest.ResponseFormat.JSON_OBJECT)
			.build();
		ChatCompletionRequest request = RemoteRequestMapper
			.toRequest(new BackendRequest(List.of(new UserMessage("x")), options, List.of()), "m")
			.withStream(true);
		JsonNode json = JsonMapper.builder().build().valueToTree(request);
		assertThat(json.path("thinking").path("type").asString()).isEqualTo("enabled");
		assertThat(json.path("reasoning_effort").asString()).isEqualTo("high");
		assertThat(json.path("response_format").path("type").asString()).isEqualTo("json_object");
		assertThat(json.path("stream_options").path("include_usage").asBoolean()).isTrue();
		assertThat(json.has("temperature")).isFalse();
		assertThat(json.has("tools")).isFalse();
	}

	@Test
	void lastAssistantMessageMarkedPrefixAsksForPrefixCompletion() {
		AssistantMessage prefix = AssistantMessage.builder().content("```python\n").properties(Map.of(DeepSeekMetadata.PREFIX, true)).build();
		List<RequestMessage> wire = RemoteRequestMapper.toMessages(List.of(new UserMessage("code"), prefix), false);
		assertThat(wire.get(1).prefix()).isTrue();
	}

}
