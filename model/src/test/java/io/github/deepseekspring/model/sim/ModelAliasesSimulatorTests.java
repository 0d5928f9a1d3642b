package io.github.deepseekspring.model.sim;

import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.model.chat.ModelAliases;
import io.github.deepseekspring.model.resilience.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.prompt.Prompt;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Retired model names reach today's model with a warning naming it; names the client does not know pass through. */
class ModelAliasesSimulatorTests extends DeepSeekSimulatorSupport {

	private DeepSeekChatModel model() {
		return DeepSeekChatModel.builder().remote(sim.baseUrl().toString(), sim.apiKey()).retryPolicy(RetryPolicy.none()).build();
	}

	private JsonNode send(String modelName, Boolean thinking) {
		model().call(new Prompt("hi", DeepSeekChatOptions.builder().model(modelName).thinking(thinking).build()));
		return sim.requests().last().json();
	}

	@Test
	void retiredNamesGoToTodaysModelWithTheThinkingModeTheyMeant() {
		JsonNode chat = send("deepseek-chat", null);
		assertThat(chat.path("model").asString()).isEqualTo("deepseek-flash");
		assertThat(chat.path("thinking").path("type").asString()).isEqualTo("disabled");

		JsonNode reasoner = send("deepseek-reasoner", null);
		assertThat(reasoner.path("model").asString()).isEqualTo("deepseek-flash");
		assertThat(reasoner.path("thinking").path("type").asString()).isEqualTo("enabled");

		assertThat(send("deepseek-chat", true).path("thinking").path("type").asString()).as("the request's own choice")
			.isEqualTo("enabled");
		assertThat(send("deepseek-v4-flash", null).path("model").asString()).isEqualTo("deepseek-flash");
		assertThat(send("deepseek-v4-flash-vision-exp", null).path("model").asString()).isEqualTo("deepseek-flash");
	}

	@Test
	void eachRetiredNameIsWarnedAboutOnceNamingItsReplacement() {
		try (CapturedLogs logs = new CapturedLogs(ModelAliases.class.getName())) {
			DeepSeekChatModel model = DeepSeekChatModel.builder()
				.remote(sim.baseUrl().toString(), sim.apiKey())
				.modelAliases(ModelAliases.defaults())
				.build();
			for (int i = 0; i < 3; i++) {
				model.call(new Prompt("hi", DeepSeekChatOptions.builder().model("deepseek-reasoner").build()));
			}
			assertThat(logs.lines()).filteredOn(w -> w.contains("'deepseek-reasoner'")).singleElement()
				.satisfies(w -> assertThat(w).contains("retired").contains("'deepseek-flash'"));
		}
	}

	@Test
	void unknownAndCurrentNamesPassThrough() {
		sim.withModels("deepseek-flash", "deepseek-v4-pro", "deepseek-v5-preview");
		try {
			assertThat(send("deepseek-v5-preview", null).path("model").asString()).isEqualTo("deepseek-v5-preview");
			assertThat(send("deepseek-v4-pro", null).path("model").asString()).isEqualTo("deepseek-v4-pro");
		}
		finally {
			sim.withModels(io.github.deepseekspring.testkit.deepseek.DeepSeekSimulator.DEFAULT_MODELS.toArray(String[]::new));
		}
	}

}
