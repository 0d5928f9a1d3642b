package io.github.deepseekspring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.github.deepseekspring.local.LocalRuntime;
import io.github.deepseekspring.model.local.LocalModels;
import io.github.deepseekspring.testkit.ollama.OllamaSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The public way to the local runtime's models: a bean with a local runtime only, pulling with progress. */
class LocalModelsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DeepSeekAutoConfiguration.class));

	@Test
	void pullsAModelReportingItsDownloadAndIsReplaceable() {
		try (OllamaSimulator ollama = OllamaSimulator.start().withoutModel("qwen2.5:7b")) {
			this.runner.withPropertyValues("deepseek.local.base-url=" + ollama.baseUrl()).run((context) -> {
				List<LocalModels.PullStatus> reports = new ArrayList<>();
				context.getBean(LocalModels.class).pull("qwen2.5:7b", reports::add);
				assertThat(reports).first().satisfies((first) -> assertThat(first.status()).isEqualTo("pulling manifest"));
				assertThat(reports).anySatisfy((report) -> {
					assertThat(report.totalBytes()).isPositive();
					assertThat(report.fraction()).isEqualTo(0.5);
				});
				assertThat(reports).last().satisfies((last) -> assertThat(last.success()).isTrue());
				assertThat(reports).allSatisfy((report) -> assertThat(report.endpoint()).startsWith("http://"));
				assertThat(context.getBean(LocalRuntime.class).models())
					.anySatisfy((model) -> assertThat(model.name()).isEqualTo("qwen2.5:7b"));
			});
			LocalModels mine = (model, progress) -> {
			};
			this.runner.withPropertyValues("deepseek.local.base-url=" + ollama.baseUrl())
				.withBean(LocalModels.class, () -> mine)
				.run((context) -> assertThat(context.getBean(LocalModels.class)).isSameAs(mine));
		}
	}

	@Test
	void aRuntimeThatCannotBeReachedFailsThePull() {
		OllamaSimulator ollama = OllamaSimulator.start();
		String url = ollama.baseUrl().toString();
		ollama.close();
		this.runner.withPropertyValues("deepseek.local.base-url=" + url)
			.run((context) -> assertThatThrownBy(() -> context.getBean(LocalModels.class).pull("qwen2.5:7b", (report) -> {
			})).isInstanceOf(RuntimeException.class));
	}

	@Test
	void noBeanWithoutALocalRuntime() {
		this.runner.withPropertyValues("deepseek.api-key=sk-test-not-secret")
			.run((context) -> assertThat(context).doesNotHaveBean(LocalModels.class));
	}

}
