package io.github.deepseekspring.model.chat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.function.FunctionToolCallback;

import static org.assertj.core.api.Assertions.assertThat;

class DeepSeekChatOptionsTests {

	private static ToolCallback tool(String name) {
		return FunctionToolCallback.builder(name, (String in) -> "ok").inputType(String.class).description(name).build();
	}

	@Test
	void runtimeValuesWinAndUnsetValuesKeepTheDefaults() {
		DeepSeekChatOptions defaults = DeepSeekChatOptions.builder()
			.model("deepseek-flash")
			.thinking(true)
			.maxTokens(100)
			.backend(BackendHint.AUTO)
			.build();
		DeepSeekChatOptions runtime = DeepSeekChatOptions.builder().thinking(false).temperature(0.2).sensitive(true).build();

		DeepSeekChatOptions merged = defaults.mutate().combineWith(runtime.mutate()).build();

		assertThat(merged.getModel()).isEqualTo("deepseek-flash");
		assertThat(merged.getThinking()).isFalse();
		assertThat(merged.getMaxTokens()).isEqualTo(100);
		assertThat(merged.getTemperature()).isEqualTo(0.2);
		assertThat(merged.isSensitive()).isTrue();
		assertThat(merged.getBackend()).isEqualTo(BackendHint.AUTO);
		assertThat(defaults.getTemperature()).as("defaults are immutable").isNull();
	}

	@Test
	void portableSpringAiOptionsMergeToo() {
		DeepSeekChatOptions defaults = DeepSeekChatOptions.builder().model("deepseek-flash").reasoningEffort("high").build();
		ChatOptions portable = ChatOptions.builder().model("deepseek-v4-pro").maxTokens(7).stopSequences(List.of("END")).build();

		DeepSeekChatOptions merged = defaults.mutate().combineWith(portable.mutate()).build();

		assertThat(merged.getModel()).isEqualTo("deepseek-v4-pro");
		assertThat(merged.getMaxTokens()).isEqualTo(7);
		assertThat(merged.getStopSequences()).containsExactly("END");
		assertThat(merged.getReasoningEffort()).isEqualTo("high");
	}

	@Test
	void toolCallbacksMergeByNameSoMergingTwiceAddsNoDuplicates() {
		DeepSeekChatOptions defaults = DeepSeekChatOptions.builder().toolCallbacks(tool("weather")).build();
		DeepSeekChatOptions runtime = DeepSeekChatOptions.builder()
			.toolCallbacks(tool("weather"), tool("time"))
			.toolContext(Map.of("tenant", "a"))
			.build();

		DeepSeekChatOptions once = defaults.mutate().combineWith(runtime.mutate()).build();
		DeepSeekChatOptions twice = defaults.mutate().combineWith(once.mutate()).build();

		assertThat(twice.getToolCallbacks()).extracting(t -> t.getToolDefinition().name()).containsExactly("weather", "time");
		assertThat(twice.getToolContext()).containsEntry("tenant", "a");
		assertThat(twice.mutate().build()).isEqualTo(twice);
	}

	@Test
	void thinkingIsOnUnlessSwitchedOff() {
		assertThat(DeepSeekChatOptions.builder().build().isThinkingEnabled()).isTrue();
		assertThat(DeepSeekChatOptions.builder().thinking(false).build().isThinkingEnabled()).isFalse();
	}

}
