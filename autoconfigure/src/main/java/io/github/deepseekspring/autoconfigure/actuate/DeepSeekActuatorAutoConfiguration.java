package io.github.deepseekspring.autoconfigure.actuate;

import java.time.Clock;
import java.time.Duration;

import io.github.deepseekspring.autoconfigure.DeepSeekAutoConfiguration;
import io.github.deepseekspring.local.LocalRuntime;
import io.github.deepseekspring.model.api.DeepSeekApi;
import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.resilience.CircuitBreakers;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Health indicator and {@code /actuator/deepseek} endpoint, when Spring Boot's actuator is on the classpath. */
@AutoConfiguration(after = DeepSeekAutoConfiguration.class)
public class DeepSeekActuatorAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
	@ConditionalOnBean(DeepSeekApi.class)
	@ConditionalOnEnabledHealthIndicator("deepseek")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "deepseekHealthIndicator")
		DeepSeekHealthIndicator deepseekHealthIndicator(DeepSeekApi api) {
			return new DeepSeekHealthIndicator(api, Duration.ofMinutes(1), Clock.systemUTC());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
	@ConditionalOnBean(LocalRuntime.class)
	@ConditionalOnEnabledHealthIndicator("deepseek")
	static class LocalHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "deepseekLocalHealthIndicator")
		LocalRuntimeHealthIndicator deepseekLocalHealthIndicator(LocalRuntime runtime) {
			return new LocalRuntimeHealthIndicator(runtime);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
	@ConditionalOnBean(DeepSeekChatModel.class)
	@ConditionalOnAvailableEndpoint(DeepSeekEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DeepSeekEndpoint deepSeekEndpoint(DeepSeekChatModel chatModel, CircuitBreakers circuitBreakers,
				ObjectProvider<MeterRegistry> meterRegistry) {
			return new DeepSeekEndpoint(chatModel, circuitBreakers, meterRegistry.getIfAvailable());
		}

	}

}
