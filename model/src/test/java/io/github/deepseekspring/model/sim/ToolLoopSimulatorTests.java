package io.github.deepseekspring.model.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.chat.DeepSeekMetadata;
import io.github.deepseekspring.testkit.RecordedRequest;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.ToolCallSpec;
import io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator;
import io.github.deepseekspring.testkit.deepseek.UsageStyle;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tool.annotation.Tool;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thinking-mode tool loops through Spring AI's {@code ChatClient} (whose tool-calling advisor runs the tools):
 * the reasoning of a tool-call turn must go back in every later request, and only that reasoning.
 */
class ToolLoopSimulatorTests extends DeepSeekSimulatorSupport {

	static class WeatherTools {

		final AtomicInteger calls = new AtomicInteger();

		@Tool(description = "Current weather of a city")
		String weather(String city) {
			this.calls.incrementAndGet();
			return "Sunny, 21°C in " + city;
		}

	}

	private static void script() {
		sim.onUserMessage("weather", ScriptedReply.toolCalls(ToolCallSpec.of("weather", "{\"city\":\"Hangzhou\"}"))
			.withReasoning("I need the weather tool for Hangzhou.")
			.thenText("It is sunny in Hangzhou."));
	}

	private static void assertReasoningPassedBack() {
		List<RecordedRequest> chats = sim.requests().all().stream().filter(r -> r.path().endsWith("/chat/completions")).toList();
		assertThat(chats).hasSizeGreaterThanOrEqualTo(2);
		JsonNode second = chats.get(chats.size() - 1).json().path("messages");
		JsonNode toolTurn = null;
		for (JsonNode m : second) {
			if ("assistant".equals(m.path("role").asString()) && m.has("tool_calls")) {
				toolTurn = m;
			}
		}
		assertThat(toolTurn).as("assistant tool-call turn in the follow-up request").isNotNull();
		assertThat(toolTurn.path("reasoning_content").asString()).isEqualTo("I need the weather tool for Hangzhou.");
		assertThat(second.get(second.size() - 1).path("role").asString()).isEqualTo("tool");
	}

	@Test
	void callLoopSendsReasoningBack() {
		script();
		WeatherTools tools = new WeatherTools();
		DeepSeekChatModel model = RemoteProtocolSimulatorTests.model(sim, new SimpleMeterRegistry());

		String answer = ChatClient.create(model).prompt().user("What is the weather in Hangzhou?").tools(tools).call().content();

		assertThat(answer).isEqualTo("It is sunny in Hangzhou.");
		assertThat(tools.calls).hasValue(1);
		assertReasoningPassedBack();
	}

	@Test
	void streamLoopSendsReasoningBack() {
		script();
		WeatherTools tools = new WeatherTools();
		DeepSeekChatModel model = RemoteProtocolSimulatorTests.model(sim, new SimpleMeterRegistry());

		String answer = ChatClient.create(model)
			.prompt()
			.user("What is the weather in Hangzhou?")
			.tools(tools)
			.stream()
			.content()
			.reduce("", String::concat)
			.block();

		assertThat(answer).isEqualTo("It is sunny in Hangzhou.");
		assertThat(tools.calls).hasValue(1);
		assertReasoningPassedBack();
	}

	@Test
	void streamLoopReadsLeanUsage() {
		sim.withUsageStyle(UsageStyle.LEAN);
		script();
		WeatherTools tools = new WeatherTools();
		DeepSeekChatModel model = RemoteProtocolSimulatorTests.model(sim, new SimpleMeterRegistry());

		List<ChatResponse> responses = ChatClient.create(model)
			.prompt()
			.user("What is the weather in Hangzhou?")
			.tools(tools)
			.stream()
			.chatResponse()
			.collectList()
			.block();

		String answer = responses.stream().map(r -> r.getResult().getOutput().getText()).reduce("", String::concat);
		assertThat(answer).isEqualTo("It is sunny in Hangzhou.");
		assertThat(responses.get(responses.size() - 1).getMetadata().getUsage().getPromptTokens()).isPositive();
		assertThat(tools.calls).hasValue(1);
	}

	@Test
	void laterTurnsKeepTheReasoningOfToolCallingStretchesAndDropPlainReasoning() {
		script();
		DeepSeekChatModel model = RemoteProtocolSimulatorTests.model(sim, new SimpleMeterRegistry());
		List<Message> history = new ArrayList<>();
		history.add(new UserMessage("hello"));
		history.add(model.call(new Prompt(history)).getResult().getOutput());
		history.add(new UserMessage("What is the weather in Hangzhou?"));
		ChatResponse toolTurn = model.call(new Prompt(history));
		AssistantMessage toolCallTurn = toolTurn.getResult().getOutput();
		assertThat(toolCallTurn.hasToolCalls()).isTrue();
		assertThat(DeepSeekMetadata.reasoning(toolCallTurn)).isPresent();
		history.add(toolCallTurn);
		history.add(org.springframework.ai.chat.messages.ToolResponseMessage.builder()
			.responses(List.of(new org.springframework.ai.chat.messages.ToolResponseMessage.ToolResponse(
					toolCallTurn.getToolCalls().get(0).id(), "weather", "Sunny")))
			.build());
		AssistantMessage answer = model.call(new Prompt(history)).getResult().getOutput();
		history.add(answer);
		history.add(new UserMessage("thanks, and tomorrow?"));
		model.call(new Prompt(history));

		JsonNode messages = sim.requests().last().json().path("messages");
		assertThat(messages.get(1).has("reasoning_content")).as("plain greeting turn carries no reasoning").isFalse();
		assertThat(messages.get(3).path("reasoning_content").asString()).isEqualTo("I need the weather tool for Hangzhou.");
		assertThat(messages.get(5).path("reasoning_content").asString()).as("the answer after the tool result")
			.isEqualTo(DeepSeekMetadata.reasoning(answer).orElseThrow());
	}

	@Test
	void aToolCallingHistoryWithoutReasoningIsRepairedNotRefused() {
		script();
		DeepSeekChatModel model = RemoteProtocolSimulatorTests.model(sim, new SimpleMeterRegistry());
		// chat memory written by another model: a tool-calling turn with no reasoning at all
		List<Message> history = List.of(new UserMessage("What is the weather in Hangzhou?"),
				AssistantMessage.builder()
					.content("")
					.toolCalls(List.of(new AssistantMessage.ToolCall("call_x", "function", "weather", "{\"city\":\"Hangzhou\"}")))
					.build(),
				org.springframework.ai.chat.messages.ToolResponseMessage.builder()
					.responses(List.of(new org.springframework.ai.chat.messages.ToolResponseMessage.ToolResponse("call_x",
							"weather", "Sunny")))
					.build());

		assertThat(model.call(new Prompt(history)).getResult().getOutput().getText()).isEqualTo("It is sunny in Hangzhou.");
		assertThat(model.stream(new Prompt(history)).map(r -> r.getResult().getOutput().getText()).reduce("", String::concat).block())
			.isEqualTo("It is sunny in Hangzhou.");
		JsonNode repaired = sim.requests().last().json().path("messages").get(1);
		assertThat(repaired.path("reasoning_content").isString()).isTrue();
		assertThat(repaired.path("reasoning_content").asString()).isEmpty();
		assertThat(sim.requests().last().json().path("thinking").isMissingNode()).as("thinking stays on").isTrue();
	}

}
