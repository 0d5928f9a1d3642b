package io.github.deepseekspring.autoconfigure;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when a local runtime is configured: {@code deepseek.local.base-url}, the first pool endpoint, or a
 * {@link LocalRuntimeConnectionDetails} bean (a service connection). A URL property that is set but empty, as
 * deployment templates leave it, configures nothing.
 *
 * <p>One plain condition rather than nested {@code @ConditionalOnProperty}/{@code @ConditionalOnBean} members:
 * nested conditions read every member class's metadata in each application that has the starter, which showed in
 * its start-up time. Evaluated when beans are registered, so the connection-details bean is seen.
 */
class OnLocalRuntimeConfiguredCondition extends SpringBootCondition implements ConfigurationCondition {

	static final String BASE_URL = "deepseek.local.base-url";

	static final String FIRST_POOL_URL = "deepseek.local.endpoints[0].url";

	@Override
	public ConfigurationPhase getConfigurationPhase() {
		return ConfigurationPhase.REGISTER_BEAN;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return outcome(context);
	}

	static ConditionOutcome outcome(ConditionContext context) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("DeepSeek local runtime");
		for (String property : new String[] { BASE_URL, FIRST_POOL_URL }) {
			if (StringUtils.hasText(context.getEnvironment().getProperty(property))) {
				return ConditionOutcome.match(message.found("property").items(property));
			}
		}
		if (hasBean(context, LocalRuntimeConnectionDetails.class)) {
			return ConditionOutcome.match(message.found("bean").items(LocalRuntimeConnectionDetails.class.getName()));
		}
		return ConditionOutcome.noMatch(message.didNotFind("non-empty property or service connection")
			.items(BASE_URL, FIRST_POOL_URL));
	}

	/** Whether the context, or one of its ancestors, defines a bean of that type (as {@code @ConditionalOnBean}). */
	static boolean hasBean(ConditionContext context, Class<?> type) {
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		return beanFactory != null
				&& BeanFactoryUtils.beanNamesForTypeIncludingAncestors(beanFactory, type, true, false).length > 0;
	}

}
