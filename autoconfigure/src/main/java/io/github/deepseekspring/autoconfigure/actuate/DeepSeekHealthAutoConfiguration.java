package io.github.deepseekspring.autoconfigure.actuate;

import java.time.Clock;
import java.time.Duration;

import io.github.deepseekspring.autoconfigure.DeepSeekAutoConfiguration;
import io.github.deepseekspring.local.LocalRuntime;
import io.github.deepseekspring.model.api.DeepSeekApi;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health indicators for the DeepSeek API and the local runtime, when Spring Boot's health support is on the
 * classpath. The class condition sits on the auto-configuration itself, so an application without it never has
 * this class read at start-up (Boot filters it with the generated auto-configuration metadata).
 */
@AutoConfiguration(after = DeepSeekAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
public class DeepSeekHealthAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(DeepSeekApi.class)
	@ConditionalOnEnabledHealthIndicator("deepseek")
	static class RemoteHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "deepseekHealthIndicator")
		DeepSeekHealthIndicator deepseekHealthIndicator(DeepSeekApi api) {
			return new DeepSeekHealthIndicator(api, Duration.ofMinutes(1), Clock.systemUTC());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(LocalRuntime.class)
	@ConditionalOnEnabledHealthIndicator("deepseek")
	static class LocalHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "deepseekLocalHealthIndicator")
		LocalRuntimeHealthIndicator deepseekLocalHealthIndicator(LocalRuntime runtime) {
			return new LocalRuntimeHealthIndicator(runtime);
		}

	}

}
