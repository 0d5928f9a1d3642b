package io.github.deepseekspring.autoconfigure;

import java.math.BigDecimal;
import java.time.Clock;

import io.github.deepseekspring.model.api.DeepSeekApi;
import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.chat.DeepSeekChatOptions;
import io.github.deepseekspring.model.cost.ModelPrice;
import io.github.deepseekspring.model.cost.PriceTable;
import io.github.deepseekspring.model.local.LocalChatPort;
import io.github.deepseekspring.model.privacy.PiiDetector;
import io.github.deepseekspring.model.privacy.PrivacyMode;
import io.github.deepseekspring.model.resilience.CircuitBreakers;
import io.github.deepseekspring.model.resilience.RetryPolicy;
import io.github.deepseekspring.model.resilience.StreamTimeouts;
import io.github.deepseekspring.model.routing.BackendCapacity;
import io.github.deepseekspring.model.routing.RoutingMode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Auto-configuration of a DeepSeek {@code ChatModel} named {@code deepseekChatModel}: the DeepSeek API client, the
 * local runtime (any {@link LocalChatPort} bean), routing, retries, circuit breakers, prices and metrics. Every bean
 * backs off when the application defines its own.
 *
 * <p>Living beside other Spring AI model starters: Spring AI's {@code spring.ai.model.chat} property picks the chat
 * model ({@code deepseek} keeps this one and switches the others off; another value switches this one off). Left
 * unset, every starter contributes its model and the DeepSeek one is {@code @Primary}, so an unqualified
 * {@code ChatModel} or {@code ChatClient.Builder} gets DeepSeek while the others stay injectable by qualifier.
 *
 * <p>Without any backend start-up fails with an analysis naming the properties to set, unless
 * {@code deepseek.required=false}: then there is no chat model bean, and an application that degrades without a
 * model asks for it through {@code ObjectProvider<ChatModel>}.
 */
@AutoConfiguration(afterName = { "org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" },
		beforeName = "org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration")
@ConditionalOnBooleanProperty(name = "deepseek.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = DeepSeekAutoConfiguration.SPRING_AI_CHAT_MODEL_PROPERTY, havingValue = "deepseek",
		matchIfMissing = true)
@EnableConfigurationProperties(DeepSeekProperties.class)
@Import(LocalRuntimeConfiguration.class)
public class DeepSeekAutoConfiguration {

	/** Name of the chat model bean, for {@code @Qualifier} when other Spring AI models are present. */
	public static final String CHAT_MODEL_BEAN_NAME = "deepseekChatModel";

	/** Spring AI's property that selects the chat model when several model starters are present. */
	public static final String SPRING_AI_CHAT_MODEL_PROPERTY = "spring.ai.model.chat";

	@Bean
	@ConditionalOnMissingBean
	DeepSeekConnectionDetails deepSeekConnectionDetails(DeepSeekProperties properties) {
		return new PropertiesDeepSeekConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	StreamTimeouts deepSeekTimeouts(DeepSeekProperties properties) {
		DeepSeekProperties.Timeouts timeouts = properties.getTimeouts();
		return new StreamTimeouts(timeouts.getConnect(), timeouts.getFirstToken(), timeouts.getIdle(),
				timeouts.getTotal());
	}

	@Bean
	@ConditionalOnMissingBean
	RetryPolicy deepSeekRetryPolicy(DeepSeekProperties properties) {
		DeepSeekProperties.Retry retry = properties.getRetry();
		return new RetryPolicy(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff(),
				retry.getMultiplier(), retry.getJitter(), retry.getDeadline());
	}

	@Bean
	@ConditionalOnMissingBean
	CircuitBreakers deepSeekCircuitBreakers(DeepSeekProperties properties) {
		DeepSeekProperties.CircuitBreaker breaker = properties.getCircuitBreaker();
		return CircuitBreakers.of(breaker.getWindow(), breaker.getOpenFor());
	}

	@Bean
	@ConditionalOnMissingBean
	PriceTable deepSeekPriceTable(DeepSeekProperties properties) {
		DeepSeekProperties.Pricing pricing = properties.getPricing();
		PriceTable table = PriceTable.defaults();
		if (pricing.getOffPeakFactor() != null) {
			table = table.withOffPeakFactor(pricing.getOffPeakFactor());
		}
		if (isSet(pricing.getLocal())) {
			table = table.withLocalPrice(modelPrice(pricing.getLocal()));
		}
		for (var entry : pricing.getModels().entrySet()) {
			table = table.withModel(entry.getKey(), modelPrice(entry.getValue()));
		}
		return table;
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnApiKeyCondition.class)
	DeepSeekApi deepSeekApi(DeepSeekConnectionDetails connection, StreamTimeouts timeouts) {
		return DeepSeekApi.builder()
			.baseUrl(connection.baseUrl())
			.apiKey(connection.apiKey())
			.connectTimeout(timeouts.connect())
			.build();
	}

	@Bean(name = CHAT_MODEL_BEAN_NAME)
	@Primary
	@ConditionalOnMissingBean(name = CHAT_MODEL_BEAN_NAME)
	@Conditional(OnChatModelWantedCondition.class)
	DeepSeekChatModel deepseekChatModel(DeepSeekProperties properties, ObjectProvider<DeepSeekApi> api,
			ObjectProvider<LocalChatPort> localPort, StreamTimeouts timeouts, RetryPolicy retryPolicy,
			CircuitBreakers circuitBreakers, PriceTable priceTable, ObjectProvider<MeterRegistry> meterRegistry,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ToolCallingManager> toolCallingManager, ObjectProvider<Clock> clock) {
		DeepSeekApi remote = api.getIfAvailable();
		LocalChatPort local = localPort.getIfAvailable();
		if (remote == null && local == null) {
			throw new NoDeepSeekBackendException();
		}
		DeepSeekChatModel.Builder builder = DeepSeekChatModel.builder()
			.defaultOptions(defaultOptions(properties))
			.timeouts(timeouts)
			.retryPolicy(retryPolicy)
			.circuitBreakers(circuitBreakers)
			.priceTable(priceTable)
			.routingMode(properties.getRouting().getMode())
			.completionModel(properties.getChat().getCompletionModel())
			.remoteVisionModels(properties.getChat().getVisionModels());
		PrivacyMode privacy = properties.getPrivacy().getMode();
		if (privacy != PrivacyMode.OFF) {
			builder.privacy(privacy, PiiDetector.defaults().allowing(properties.getPrivacy().getAllowed()));
		}
		// getIfAvailable rather than ifAvailable(builder::x): each method reference is a class the JVM spins at
		// start-up.
		Clock userClock = clock.getIfAvailable();
		if (userClock != null) {
			builder.clock(userClock);
		}
		builder.meterRegistry(meterRegistry.getIfAvailable())
			.observationRegistry(observationRegistry.getIfAvailable())
			.toolCallingManager(toolCallingManager.getIfAvailable());
		if (remote != null) {
			builder.api(remote);
		}
		if (local != null) {
			DeepSeekProperties.Local settings = properties.getLocal();
			builder.local(local, settings.getModel(), settings.getCompletionModel(), settings.getMaxConcurrency());
		}
		return builder.build();
	}

	/**
	 * How many calls the configured backends take at once ({@code deepseek.chat.max-concurrency} for the DeepSeek
	 * API, the endpoints' {@code parallel} slots for the local runtime), as routing can use them: for applications
	 * that size a queue in front of the model.
	 */
	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnChatModelWantedCondition.class)
	BackendCapacity deepSeekBackendCapacity(DeepSeekProperties properties, ObjectProvider<DeepSeekApi> api,
			ObjectProvider<LocalChatPort> localPort, ObjectProvider<LocalRuntimeConnectionDetails> localConnection) {
		int remote = (api.getIfAvailable() != null) ? properties.getChat().effectiveMaxConcurrency() : 0;
		int local = 0;
		if (localPort.getIfAvailable() != null) {
			DeepSeekProperties.Local settings = properties.getLocal();
			LocalRuntimeConnectionDetails connection = localConnection.getIfAvailable();
			local = (connection != null) ? connection.baseUrls().size() * settings.getParallel()
					: settings.totalParallel();
			// A runtime of the application's own making, with no endpoint configured, has at least one slot.
			local = Math.max(local, settings.getParallel());
		}
		RoutingMode mode = properties.getRouting().getMode();
		BackendCapacity capacity = new BackendCapacity(remote, local);
		return (mode != null) ? capacity.usedBy(mode) : capacity;
	}

	private static DeepSeekChatOptions defaultOptions(DeepSeekProperties properties) {
		DeepSeekProperties.Chat chat = properties.getChat();
		return DeepSeekChatOptions.builder()
			.model(chat.getModel())
			.thinking(chat.getThinking() == DeepSeekProperties.Thinking.ENABLED)
			.reasoningEffort(chat.getReasoningEffort())
			.maxTokens(chat.getMaxTokens())
			.strictTools(chat.isStrictTools() ? Boolean.TRUE : null)
			.build();
	}

	private static boolean isSet(DeepSeekProperties.Price price) {
		return price.getCacheHitInput() != null || price.getCacheMissInput() != null || price.getOutput() != null;
	}

	private static ModelPrice modelPrice(DeepSeekProperties.Price price) {
		return new ModelPrice(orZero(price.getCacheHitInput()), orZero(price.getCacheMissInput()),
				orZero(price.getOutput()));
	}

	private static BigDecimal orZero(BigDecimal price) {
		return (price != null) ? price : BigDecimal.ZERO;
	}

}
