package io.github.deepseekspring.model.sim;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.local.LocalRuntimePort;
import io.github.deepseekspring.model.resilience.RetryPolicy;
import io.github.deepseekspring.model.resilience.StreamTimeouts;
import io.github.deepseekspring.model.routing.RoutingMode;
import io.github.deepseekspring.testkit.RecordedRequest;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.ToolCallSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.tool.annotation.Tool;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A conversation that starts on the local runtime and fails over to the DeepSeek API in the middle of a tool loop:
 * the API, in thinking mode, receives a tool-calling turn written by a local model that does not reason, and
 * finishes the answer instead of refusing the history.
 */
class FailoverToolLoopSimulatorTests extends LocalRuntimeSimulatorSupport {

	static final String LOCAL_MODEL = "qwen2.5:7b";

	@BeforeEach
	void installLocalModel() {
		ollama.withModel(LOCAL_MODEL);
	}

	/** The weather tool; running it takes the local runtime down, so the loop's next request must fail over. */
	static class WeatherTools {

		final AtomicInteger calls = new AtomicInteger();

		@Tool(description = "Current weather of a city")
		String weather(String city) {
			this.calls.incrementAndGet();
			ollama.faults().down();
			return "Sunny, 21°C in " + city;
		}

	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void startsLocallyFailsOverMidToolLoopAndFinishesOnTheApi(boolean streamed) {
		ollama.onUserMessage("weather", ScriptedReply.toolCalls(ToolCallSpec.of("weather", "{\"city\":\"Hangzhou\"}")));
		sim.onUserMessage("weather", ScriptedReply.toolCalls(ToolCallSpec.of("weather", "{\"city\":\"Hangzhou\"}"))
			.thenText("It is sunny in Hangzhou."));
		DeepSeekChatModel model = DeepSeekChatModel.builder()
			.timeouts(new StreamTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(10),
					Duration.ofSeconds(30)))
			.retryPolicy(RetryPolicy.none())
			.remote(sim.baseUrl().toString(), sim.apiKey())
			.local(new LocalRuntimePort(this.runtime), LOCAL_MODEL, null, 4)
			.routingMode(RoutingMode.LOCAL_FIRST)
			.build();
		WeatherTools tools = new WeatherTools();
		ChatClient.ChatClientRequestSpec request = ChatClient.create(model)
			.prompt()
			.user("What is the weather in Hangzhou?")
			.tools(tools);

		String answer = streamed ? request.stream().content().reduce("", String::concat).block()
				: request.call().content();

		assertThat(answer).isEqualTo("It is sunny in Hangzhou.");
		assertThat(tools.calls).hasValue(1);
		assertThat(ollama.requests().count("/api/chat")).as("the loop started locally").isEqualTo(1);
		List<RecordedRequest> toApi = sim.requests().all();
		assertThat(toApi).hasSize(1);
		JsonNode messages = toApi.get(0).json().path("messages");
		JsonNode localToolTurn = messages.get(1);
		assertThat(localToolTurn.path("tool_calls").get(0).path("function").path("name").asString()).isEqualTo("weather");
		assertThat(localToolTurn.path("reasoning_content").asString()).as("repaired, not refused").isEmpty();
		assertThat(messages.get(2).path("role").asString()).isEqualTo("tool");
	}

}
