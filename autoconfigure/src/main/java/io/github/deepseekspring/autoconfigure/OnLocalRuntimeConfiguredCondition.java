package io.github.deepseekspring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.ConfigurationCondition;

/**
 * Matches when a local runtime is configured: {@code deepseek.local.base-url}, the first pool endpoint, or a
 * {@link LocalRuntimeConnectionDetails} bean (a service connection).
 */
class OnLocalRuntimeConfiguredCondition extends AnyNestedCondition {

	OnLocalRuntimeConfiguredCondition() {
		super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
	}

	@ConditionalOnProperty("deepseek.local.base-url")
	static class SingleEndpoint {

	}

	@ConditionalOnProperty("deepseek.local.endpoints[0].url")
	static class Pool {

	}

	@ConditionalOnBean(LocalRuntimeConnectionDetails.class)
	static class ServiceConnection {

	}

}
