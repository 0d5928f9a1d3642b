package io.github.deepseekspring.autoconfigure.actuate;

import io.github.deepseekspring.autoconfigure.DeepSeekAutoConfiguration;
import io.github.deepseekspring.model.chat.DeepSeekChatModel;
import io.github.deepseekspring.model.resilience.CircuitBreakers;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code /actuator/deepseek} endpoint (backends, circuit states, routing mode, token and cost totals), when
 * Spring Boot's actuator is on the classpath; like {@link DeepSeekHealthAutoConfiguration}, filtered out before it
 * is read when it is not.
 */
@AutoConfiguration(after = DeepSeekAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(DeepSeekChatModel.class)
@ConditionalOnAvailableEndpoint(DeepSeekEndpoint.class)
public class DeepSeekEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DeepSeekEndpoint deepSeekEndpoint(DeepSeekChatModel chatModel, CircuitBreakers circuitBreakers,
			ObjectProvider<MeterRegistry> meterRegistry) {
		return new DeepSeekEndpoint(chatModel, circuitBreakers, meterRegistry.getIfAvailable());
	}

}
