package io.github.deepseekspring.model;

import java.util.List;

import io.github.deepseekspring.model.api.DeepSeekApi;
import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.model.chat.DeepSeekMetadata;
import io.github.deepseekspring.model.resilience.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The basic calls against the real DeepSeek API. Runs only with {@code DEEPSEEK_API_KEY} set
 * ({@code DEEPSEEK_BASE_URL} and {@code DEEPSEEK_MODEL} optional).
 */
@EnabledIfEnvironmentVariable(named = "DEEPSEEK_API_KEY", matches = ".+")
class DeepSeekLiveTests {

	private final DeepSeekApi api = DeepSeekApi.builder()
		.baseUrl(System.getenv().getOrDefault("DEEPSEEK_BASE_URL", "https://api.deepseek.com"))
		.apiKey(System.getenv("DEEPSEEK_API_KEY"))
		.build();

	private final DeepSeekChatModel model = DeepSeekChatModel.builder()
		.api(this.api)
		.retryPolicy(RetryPolicy.defaults())
		.defaultOptions(DeepSeekChatOptions.builder()
			.model(System.getenv().getOrDefault("DEEPSEEK_MODEL", "deepseek-flash"))
			.maxTokens(200)
			.build())
		.build();

	@Test
	void callInThinkingModeReturnsReasoningAndUsage() {
		ChatResponse response = this.model.call(new Prompt("What is 17 * 3? Answer with the number only."));
		assertThat(response.getResult().getOutput().getText()).contains("51");
		assertThat(DeepSeekMetadata.reasoning(response.getResult().getOutput())).isPresent();
		assertThat(response.getMetadata().getUsage().getPromptTokens()).isPositive();
	}

	@Test
	void streamWithoutThinkingConcatenatesToTheAnswer() {
		List<ChatResponse> chunks = this.model
			.stream(new Prompt("Say the word 'pong' and nothing else.", DeepSeekChatOptions.builder().thinking(false).build()))
			.collectList()
			.block();
		String text = chunks.stream().map(c -> c.getResult().getOutput().getText()).reduce("", String::concat);
		assertThat(text.toLowerCase()).contains("pong");
		assertThat(chunks.get(chunks.size() - 1).getMetadata().getUsage().getTotalTokens()).isPositive();
	}

	/**
	 * The repair of histories written elsewhere rests on the API accepting an empty reasoning_content on a
	 * tool-calling turn in thinking mode; this checks it against the real API.
	 */
	@Test
	void aToolCallingTurnWithoutReasoningIsAcceptedInThinkingMode() {
		ToolDefinition clock = ToolDefinition.builder()
			.name("current_time")
			.description("The current time")
			.inputSchema("{\"type\":\"object\",\"properties\":{}}")
			.build();
		List<Message> history = List.of(new UserMessage("What time is it? Use the tool."),
				AssistantMessage.builder()
					.content("")
					.toolCalls(List.of(new AssistantMessage.ToolCall("call_0", "function", "current_time", "{}")))
					.build(),
				ToolResponseMessage.builder()
					.responses(List.of(new ToolResponseMessage.ToolResponse("call_0", "current_time", "10:30")))
					.build());
		DeepSeekChatOptions thinking = DeepSeekChatOptions.builder()
			.thinking(true)
			.toolCallbacks(List.of(new DeclaredTool(clock)))
			.build();
		ChatResponse response = this.model.call(new Prompt(history, thinking));
		assertThat(response.getResult().getOutput().getText()).contains("10:30");
	}

	/** A tool the test declares to the model; the model's call is answered in the history, never run. */
	private record DeclaredTool(ToolDefinition getToolDefinition) implements ToolCallback {

		@Override
		public String call(String arguments) {
			throw new UnsupportedOperationException("answered in the history");
		}

	}

	@Test
	void modelsAndBalance() {
		assertThat(this.api.models().block().data()).isNotEmpty();
		assertThat(this.api.balance().block().balanceInfos()).isNotEmpty();
	}

}
