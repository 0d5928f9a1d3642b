package io.github.deepseekspring.model.sim;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.deepseekspring.model.api.ChatCompletionRequest.ResponseFormat;
import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.model.chat.DeepSeekMetadata;
import io.github.deepseekspring.model.local.LocalRuntimePort;
import io.github.deepseekspring.model.resilience.RetryPolicy;
import io.github.deepseekspring.model.routing.RoutingMode;
import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.ToolCallSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.ai.chat.client.AdvisorParams;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON output and Spring AI structured output in thinking and non-thinking mode, on the API and on the local runtime:
 * the reasoning never leaks into the JSON. Strict tool schemas go through the beta endpoint.
 */
class StructuredOutputSimulatorTests extends LocalRuntimeSimulatorSupport {

	record Weather(String city, int celsius) {
	}

	static final String WEATHER_JSON = "{\"city\":\"Hangzhou\",\"celsius\":21}";

	private static DeepSeekChatModel remote(boolean thinking) {
		return DeepSeekChatModel.builder()
			.remote(sim.baseUrl().toString(), sim.apiKey())
			.defaultOptions(DeepSeekChatOptions.builder().model("deepseek-flash").thinking(thinking).build())
			.retryPolicy(RetryPolicy.none())
			.build();
	}

	private DeepSeekChatModel local() {
		return DeepSeekChatModel.builder()
			.local(new LocalRuntimePort(runtime), "deepseek-r1:7b", null, 4)
			.routingMode(RoutingMode.LOCAL)
			.retryPolicy(RetryPolicy.none())
			.build();
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void jsonModeAnswersJsonWithTheReasoningBesideIt(boolean thinking) {
		DeepSeekChatOptions json = DeepSeekChatOptions.builder().responseFormat(ResponseFormat.JSON_OBJECT).build();
		AssistantMessage answer = remote(thinking).call(new Prompt("Give me json for hello", json)).getResult().getOutput();

		JsonNode parsed = JsonMapper.builder().build().readTree(answer.getText());
		assertThat(parsed.path("echo").asString()).isEqualTo("Give me json for hello");
		assertThat(DeepSeekMetadata.reasoning(answer).isPresent()).isEqualTo(thinking);
		assertThat(sim.requests().last().json().path("response_format").path("type").asString()).isEqualTo("json_object");
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void entityReadsTheAnswerInBothModes(boolean thinking) {
		sim.onUserMessage("weather", ScriptedReply.text(WEATHER_JSON).withReasoning("Hangzhou: sunny, {\"not\":\"json\"}"));
		Weather weather = ChatClient.create(remote(thinking)).prompt().user("What is the weather in Hangzhou?").call()
			.entity(Weather.class);

		assertThat(weather).isEqualTo(new Weather("Hangzhou", 21));
		assertThat(sim.requests().last().json().path("messages").get(0).path("content").asString())
			.as("Spring AI's format instructions").contains("JSON");
	}

	@Test
	void nativeStructuredOutputSendsJsonModeAndTheSchema() {
		sim.onUserMessage("weather", ScriptedReply.text(WEATHER_JSON));
		Weather weather = ChatClient.create(remote(true))
			.prompt()
			.advisors(AdvisorParams.ENABLE_NATIVE_STRUCTURED_OUTPUT)
			.user("What is the weather in Hangzhou?")
			.call()
			.entity(Weather.class);

		assertThat(weather).isEqualTo(new Weather("Hangzhou", 21));
		JsonNode sent = sim.requests().last().json();
		assertThat(sent.path("response_format").path("type").asString()).isEqualTo("json_object");
		String user = sent.path("messages").get(0).path("content").asString();
		assertThat(user).startsWith("What is the weather in Hangzhou?").contains("JSON schema").contains("\"celsius\"");
	}

	@Test
	void aLocalThinkingModelsInlineReasoningStaysOutOfTheEntity() {
		ollama.onUserMessage("weather", ScriptedReply.text(WEATHER_JSON).withReasoning("Let me think {about it}."));
		Weather weather = ChatClient.create(local()).prompt().user("What is the weather in Hangzhou?").call()
			.entity(Weather.class);
		assertThat(weather).isEqualTo(new Weather("Hangzhou", 21));

		ChatClient.create(local())
			.prompt()
			.advisors(AdvisorParams.ENABLE_NATIVE_STRUCTURED_OUTPUT)
			.user("What is the weather in Hangzhou?")
			.call()
			.entity(Weather.class);
		JsonNode format = ollama.requests().last().json().path("format");
		assertThat(format.path("properties").has("celsius")).as("the schema as Ollama's format").isTrue();

		local().call(new Prompt("json please", DeepSeekChatOptions.builder().responseFormat(ResponseFormat.JSON_OBJECT).build()));
		assertThat(ollama.requests().last().json().path("format").asString()).isEqualTo("json");
	}

	static class Thermometer {

		final AtomicInteger calls = new AtomicInteger();

		@Tool(description = "Temperature of a city")
		int temperature(@ToolParam(description = "City") String city,
				@ToolParam(description = "Unit", required = false) String unit) {
			this.calls.incrementAndGet();
			return 21;
		}

	}

	@Test
	void strictToolsGoThroughTheBetaEndpointWithClosedSchemas() {
		sim.onUserMessage("temperature", ScriptedReply.toolCalls(ToolCallSpec.of("temperature", "{\"city\":\"Hangzhou\",\"unit\":null}"))
			.thenText("21 degrees."));
		Thermometer tools = new Thermometer();
		String answer = ChatClient.create(remote(true))
			.prompt()
			.options(DeepSeekChatOptions.builder().strictTools(true))
			.user("What is the temperature in Hangzhou?")
			.tools(tools)
			.call()
			.content();

		assertThat(answer).isEqualTo("21 degrees.");
		assertThat(tools.calls).hasValue(1);
		assertThat(sim.requests().all()).allSatisfy(request -> {
			assertThat(request.path()).isEqualTo("/beta/chat/completions");
			JsonNode function = request.json().path("tools").get(0).path("function");
			assertThat(function.path("strict").asBoolean()).isTrue();
			assertThat(function.path("parameters").path("required").toString()).contains("city", "unit");
			assertThat(function.path("parameters").path("additionalProperties").asBoolean(true)).isFalse();
		});
	}

}
