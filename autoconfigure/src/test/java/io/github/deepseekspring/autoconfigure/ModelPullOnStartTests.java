package io.github.deepseekspring.autoconfigure;

import io.github.deepseekspring.local.LocalRuntime;
import io.github.deepseekspring.testkit.ollama.OllamaSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ModelPullOnStartTests {

	@Test
	void pullOnStartPullsTheLocalModelAndIsOffByDefault() {
		try (OllamaSimulator ollama = OllamaSimulator.start().withoutModel("deepseek-r1:7b")) {
			ApplicationContextRunner runner = new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(DeepSeekAutoConfiguration.class))
				.withPropertyValues("deepseek.local.base-url=" + ollama.baseUrl(), "deepseek.local.model=deepseek-r1:7b");
			runner.run((context) -> assertThat(context).doesNotHaveBean(ModelPullOnStart.class));
			runner.withPropertyValues("deepseek.local.pull-on-start=true").run((context) -> {
				context.getBean(ModelPullOnStart.class).pull();
				assertThat(context.getBean(LocalRuntime.class).models()).anySatisfy(
						(model) -> assertThat(model.name()).isEqualTo("deepseek-r1:7b"));
			});
		}
	}

}
