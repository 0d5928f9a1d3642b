package io.github.deepseekspring.starter.consumer;

import java.util.List;

import io.github.deepseekspring.autoconfigure.test.UseDeepSeekSimulator;
import io.github.deepseekspring.testkit.RecordedRequest;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.ToolCallSpec;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer application with only the starter on its classpath, talking to the DeepSeek simulator through
 * {@link ChatClient}: the snippets in the README's "Use the starter" section are these.
 */
@SpringBootTest(classes = ConsumerApplication.class)
@UseDeepSeekSimulator
class StarterConsumerTests {

	@Autowired
	DeepSeekSimulator deepseek;

	@Autowired
	ChatClient.Builder chatClientBuilder;

	@BeforeEach
	void reset() {
		this.deepseek.reset();
	}

	@Test
	void call() {
		this.deepseek.onUserMessage("opening hours", ScriptedReply.text("We are open 9:00 to 18:00."));
		ChatClient chatClient = this.chatClientBuilder.build();
		String answer = chatClient.prompt().user("What are your opening hours?").call().content();
		assertThat(answer).isEqualTo("We are open 9:00 to 18:00.");
	}

	@Test
	void stream() {
		this.deepseek.onUserMessage("count", ScriptedReply.text("one two three four five"));
		ChatClient chatClient = this.chatClientBuilder.build();
		List<String> tokens = chatClient.prompt().user("count to five").stream().content().collectList().block();
		assertThat(tokens).hasSizeGreaterThan(1);
		assertThat(String.join("", tokens)).isEqualTo("one two three four five");
	}

	@Test
	void toolCallInThinkingModeSendsTheReasoningBack() {
		this.deepseek.onUserMessage("weather",
				ScriptedReply.toolCalls(ToolCallSpec.of("currentWeather", "{\"city\":\"Hangzhou\"}"))
					.withReasoning("The user wants the weather; I should call the tool.")
					.thenText("It is sunny in Hangzhou."));
		ChatClient chatClient = this.chatClientBuilder.build();
		String answer = chatClient.prompt()
			.user("What is the weather in Hangzhou?")
			.tools(new WeatherTools())
			.call()
			.content();
		assertThat(answer).isEqualTo("It is sunny in Hangzhou.");
		RecordedRequest followUp = this.deepseek.requests().last();
		JsonNode assistantTurn = null;
		for (JsonNode message : followUp.json().path("messages")) {
			if (message.path("role").asString().equals("assistant")) {
				assistantTurn = message;
			}
		}
		assertThat(assistantTurn).isNotNull();
		assertThat(assistantTurn.path("reasoning_content").asString())
			.isEqualTo("The user wants the weather; I should call the tool.");
	}

}
