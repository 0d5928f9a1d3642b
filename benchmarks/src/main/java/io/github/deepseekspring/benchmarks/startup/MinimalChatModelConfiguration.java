package io.github.deepseekspring.benchmarks.startup;

import java.util.List;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Flux;

/**
 * The least a Spring AI chat model configuration can be: one properties class, one {@code ChatModel} bean that backs
 * off for the user's own. {@link StartupProbe} starts it in place of the DeepSeek auto-configuration to measure the
 * floor that any chat model starter pays for being a bean (class loading, Spring's bean machinery, Reactor's types
 * in the streaming signature), against which the DeepSeek starter's cost is read.
 *
 * <p>Not annotated as a configuration on purpose: the probe's component scan must not find it; the probe passes it as
 * a source only in the {@code floor} mode.
 */
@EnableConfigurationProperties(MinimalChatModelConfiguration.Settings.class)
public class MinimalChatModelConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ChatModel minimalChatModel(Settings settings) {
		return new EchoChatModel(settings.getModel());
	}

	/** Its properties: a model name. */
	@ConfigurationProperties("minimal")
	public static class Settings {

		/** Model the minimal chat model names in its answers. */
		private String model = "minimal";

		public String getModel() {
			return this.model;
		}

		public void setModel(String model) {
			this.model = model;
		}

	}

	/** Answers every prompt with the model's name. */
	static final class EchoChatModel implements ChatModel {

		private final String model;

		EchoChatModel(String model) {
			this.model = model;
		}

		@Override
		public ChatResponse call(Prompt prompt) {
			return new ChatResponse(List.of(new Generation(new AssistantMessage(this.model))));
		}

		@Override
		public Flux<ChatResponse> stream(Prompt prompt) {
			return Flux.just(call(prompt));
		}

	}

}
