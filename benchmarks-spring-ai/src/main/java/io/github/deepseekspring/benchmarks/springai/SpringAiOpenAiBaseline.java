package io.github.deepseekspring.benchmarks.springai;

import java.net.URI;
import java.util.Map;

import io.github.deepseekspring.benchmarks.overhead.ChatClientBaseline;
import io.github.deepseekspring.benchmarks.overhead.MeteredObservations;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Spring AI 2.0's OpenAI starter pointed at the DeepSeek simulator, as an application configures it (its
 * auto-configuration, {@code spring.ai.openai.*}), with the same Micrometer observations as ours, asking without
 * thinking (DeepSeek's {@code thinking} switch travels in the request's extra body).
 */
public final class SpringAiOpenAiBaseline implements ChatClientBaseline {

	private ConfigurableApplicationContext context;

	@Override
	public String name() {
		return "Spring AI OpenAI starter";
	}

	@Override
	public ChatClient start(URI baseUrl, String apiKey, String model) {
		this.context = new SpringApplicationBuilder(Starter.class).web(WebApplicationType.NONE)
			.properties(Map.of("spring.ai.openai.base-url", baseUrl.toString(), "spring.ai.openai.api-key", apiKey,
					"spring.ai.openai.chat.options.model", model, "spring.ai.openai.chat.max-retries", "0",
					"spring.main.banner-mode", "off", "logging.level.root", "WARN"))
			.run();
		return this.context.getBean(ChatClient.class);
	}

	@Override
	public void close() {
		if (this.context != null) {
			this.context.close();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ OpenAiChatAutoConfiguration.class, ToolCallingAutoConfiguration.class })
	@Import(MeteredObservations.class)
	static class Starter {

		@Bean
		ChatClient chatClient(OpenAiChatModel model, ObservationRegistry observations) {
			return ChatClient.builder(model, observations, null, null)
				.defaultOptions(OpenAiChatOptions.builder().extraBody(Map.of("thinking", Map.of("type", "disabled"))))
				.build();
		}

	}

}
