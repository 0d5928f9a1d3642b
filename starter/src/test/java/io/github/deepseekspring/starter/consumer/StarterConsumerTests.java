package io.github.deepseekspring.starter.consumer;

import java.util.List;

import io.github.deepseekspring.autoconfigure.test.UseDeepSeekSimulator;
import io.github.deepseekspring.testkit.RecordedRequest;
import io.github.deepseekspring.model.api.Logprobs;
import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.model.chat.DeepSeekMetadata;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.TestImages;
import io.github.deepseekspring.testkit.ToolCallSpec;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import io.github.deepseekspring.testkit.deepseek.UsageStyle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.util.MimeTypeUtils;

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

	@Test
	void imageCallAndStream() {
		ChatClient chatClient = this.chatClientBuilder.build();
		Resource photo = new ByteArrayResource(TestImages.png());
		String answer = chatClient.prompt()
			.user(u -> u.text("What is in this photo?").media(MimeTypeUtils.IMAGE_PNG, photo))
			.call()
			.content();
		assertThat(answer).isEqualTo("Echo: What is in this photo? [image: PNG]");

		String streamed = String.join("", chatClient.prompt()
			.user(u -> u.text("And in this one?").media(MimeTypeUtils.IMAGE_JPEG, new ByteArrayResource(TestImages.jpeg())))
			.stream()
			.content()
			.collectList()
			.block());
		assertThat(streamed).isEqualTo("Echo: And in this one? [image: JPEG]");
	}

	record Ticket(String product, int priority) {
	}

	@Test
	void structuredOutputInThinkingAndNonThinkingMode() {
		this.deepseek.onUserMessage("router keeps rebooting",
				ScriptedReply.text("{\"product\":\"YF-AX3000\",\"priority\":2}").withReasoning("A reboot loop: priority 2."));
		ChatClient chatClient = this.chatClientBuilder.build();
		Ticket thinking = chatClient.prompt().user("My YF-AX3000 router keeps rebooting").call().entity(Ticket.class);
		Ticket plain = chatClient.prompt()
			.options(DeepSeekChatOptions.builder().thinking(false))
			.user("My YF-AX3000 router keeps rebooting")
			.call()
			.entity(Ticket.class);
		assertThat(thinking).isEqualTo(new Ticket("YF-AX3000", 2)).isEqualTo(plain);
	}

	@Test
	void aHistoryWithAToolTurnWithoutReasoning() {
		this.deepseek.onUserMessage("weather",
				ScriptedReply.toolCalls(ToolCallSpec.of("currentWeather", "{\"city\":\"Hangzhou\"}"))
					.thenText("It is sunny in Hangzhou."));
		// chat memory written by another model: its tool-calling turn carries no reasoning
		List<Message> history = List.of(new UserMessage("What is the weather in Hangzhou?"),
				AssistantMessage.builder()
					.content("")
					.toolCalls(List.of(new AssistantMessage.ToolCall("call_1", "function", "currentWeather",
							"{\"city\":\"Hangzhou\"}")))
					.build(),
				ToolResponseMessage.builder()
					.responses(List.of(new ToolResponseMessage.ToolResponse("call_1", "currentWeather", "Sunny, 22 degrees")))
					.build());
		String answer = this.chatClientBuilder.build().prompt().messages(history).call().content();
		assertThat(answer).isEqualTo("It is sunny in Hangzhou.");
	}

	@Test
	void leanUsageInCallStreamAndToolStream() {
		this.deepseek.withUsageStyle(UsageStyle.LEAN);
		this.deepseek.onUserMessage("weather",
				ScriptedReply.toolCalls(ToolCallSpec.of("currentWeather", "{\"city\":\"Hangzhou\"}"))
					.thenText("It is sunny in Hangzhou."));
		ChatClient chatClient = this.chatClientBuilder.build();
		ChatResponse called = chatClient.prompt().user("hello").call().chatResponse();
		assertThat(called.getMetadata().getUsage().getPromptTokens()).isPositive();
		List<ChatResponse> streamed = chatClient.prompt().user("hello").stream().chatResponse().collectList().block();
		assertThat(streamed.get(streamed.size() - 1).getMetadata().getUsage().getTotalTokens()).isPositive();
		List<ChatResponse> toolStream = chatClient.prompt()
			.user("What is the weather in Hangzhou?")
			.tools(new WeatherTools())
			.stream()
			.chatResponse()
			.collectList()
			.block();
		assertThat(toolStream.stream().map(r -> r.getResult().getOutput().getText()).reduce("", String::concat))
			.isEqualTo("It is sunny in Hangzhou.");
		assertThat(toolStream.get(toolStream.size() - 1).getMetadata().getUsage().getPromptTokens()).isPositive();
	}

	@Test
	void logprobs() {
		this.deepseek.onUserMessage("likely", ScriptedReply.text("Very likely."));
		ChatResponse response = this.chatClientBuilder.build()
			.prompt()
			.options(DeepSeekChatOptions.builder().logprobs(true).topLogprobs(2))
			.user("How likely is rain?")
			.call()
			.chatResponse();
		Logprobs logprobs = DeepSeekMetadata.logprobs(response.getResult()).orElseThrow();
		assertThat(logprobs.content().stream().map(Logprobs.TokenLogprob::token).reduce("", String::concat))
			.isEqualTo("Very likely.");
		assertThat(logprobs.content().get(0).topLogprobs()).hasSize(2);
	}

}
