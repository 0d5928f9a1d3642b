package io.github.deepseekspring.autoconfigure;

import java.util.Set;

import io.github.deepseekspring.local.LocalRuntime;
import io.github.deepseekspring.local.LocalRuntimes;
import io.github.deepseekspring.local.pool.Endpoint;
import io.github.deepseekspring.model.local.LocalChatPort;
import io.github.deepseekspring.model.local.LocalEmbeddingModel;
import io.github.deepseekspring.model.local.LocalModels;
import io.github.deepseekspring.model.local.LocalRuntimeModels;
import io.github.deepseekspring.model.local.LocalRuntimePort;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The local runtime client (one endpoint or a pool, Ollama or OpenAI-compatible protocol) when
 * {@code deepseek.local.base-url} or {@code deepseek.local.endpoints} is set, exposed to the chat model as its
 * {@link LocalChatPort}, and its embedding endpoint as a Spring AI {@code EmbeddingModel} named
 * {@value #EMBEDDING_MODEL_BEAN_NAME}. Every bean backs off when the application defines its own.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OnLocalRuntimeConfiguredCondition.class)
class LocalRuntimeConfiguration {

	/** Name of the local runtime's embedding model bean. */
	static final String EMBEDDING_MODEL_BEAN_NAME = "deepseekLocalEmbeddingModel";

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	LocalRuntime deepSeekLocalRuntime(DeepSeekProperties properties,
			ObjectProvider<LocalRuntimeConnectionDetails> connectionDetails) {
		DeepSeekProperties.Local local = properties.getLocal();
		DeepSeekProperties.Timeouts timeouts = properties.getTimeouts();
		LocalRuntimes.Builder builder = LocalRuntimes.builder()
			.protocol(local.getProtocol().name().toLowerCase(java.util.Locale.ROOT))
			.defaultModel(local.getModel())
			.connectTimeout(timeouts.getConnect())
			.firstTokenTimeout(timeouts.getFirstToken())
			.idleTimeout(timeouts.getIdle())
			.requestTimeout(timeouts.getTotal());
		LocalRuntimeConnectionDetails connection = connectionDetails.getIfAvailable();
		if (connection != null) {
			connection.baseUrls().forEach((url) -> builder.endpoint(new Endpoint(url, 1, Set.of())));
		}
		else {
			for (DeepSeekProperties.Endpoint endpoint : local.effectiveEndpoints()) {
				builder.endpoint(new Endpoint(endpoint.getUrl(), endpoint.getWeight(), Set.copyOf(endpoint.getModels())));
			}
		}
		return builder.build();
	}

	@Bean
	@ConditionalOnMissingBean
	LocalChatPort deepSeekLocalChatPort(LocalRuntime runtime, DeepSeekProperties properties) {
		return new LocalRuntimePort(runtime, properties.getLocal().getVisionModels());
	}

	@Bean(EMBEDDING_MODEL_BEAN_NAME)
	@ConditionalOnMissingBean(name = EMBEDDING_MODEL_BEAN_NAME)
	LocalEmbeddingModel deepseekLocalEmbeddingModel(LocalRuntime runtime, DeepSeekProperties properties) {
		DeepSeekProperties.LocalEmbedding embedding = properties.getLocal().getEmbedding();
		return new LocalEmbeddingModel(runtime, embedding.getModel(), embedding.getBatchSize(),
				(embedding.getDimensions() != null) ? embedding.getDimensions() : 0);
	}

	@Bean
	@ConditionalOnMissingBean
	LocalModels deepSeekLocalModels(LocalRuntime runtime) {
		return new LocalRuntimeModels(runtime);
	}

	@Bean
	@ConditionalOnBooleanProperty("deepseek.local.pull-on-start")
	ModelPullOnStart deepSeekModelPullOnStart(LocalRuntime runtime, DeepSeekProperties properties) {
		return new ModelPullOnStart(runtime, properties.getLocal().getModel());
	}

}
