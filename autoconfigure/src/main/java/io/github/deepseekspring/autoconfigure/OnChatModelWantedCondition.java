package io.github.deepseekspring.autoconfigure;

import io.github.deepseekspring.model.api.DeepSeekApi;
import io.github.deepseekspring.model.local.LocalChatPort;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the chat model should be created: {@code deepseek.required} (the default) asks start-up to fail
 * loudly when no backend is configured, or a backend is configured (an API key, a local runtime, or the user's own
 * client bean). Evaluated when beans are registered, so that user beans are seen.
 */
class OnChatModelWantedCondition extends SpringBootCondition implements ConfigurationCondition {

	static final String REQUIRED = "deepseek.required";

	@Override
	public ConfigurationPhase getConfigurationPhase() {
		return ConfigurationPhase.REGISTER_BEAN;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("DeepSeek chat model wanted");
		String required = context.getEnvironment().getProperty(REQUIRED, "true");
		if ("true".equalsIgnoreCase(required)) {
			return ConditionOutcome.match(message.because(REQUIRED + " is true"));
		}
		ConditionOutcome apiKey = OnApiKeyCondition.outcome(context);
		if (apiKey.isMatch()) {
			return apiKey;
		}
		ConditionOutcome localRuntime = OnLocalRuntimeConfiguredCondition.outcome(context);
		if (localRuntime.isMatch()) {
			return localRuntime;
		}
		for (Class<?> client : new Class<?>[] { DeepSeekApi.class, LocalChatPort.class }) {
			if (OnLocalRuntimeConfiguredCondition.hasBean(context, client)) {
				return ConditionOutcome.match(message.found("bean").items(client.getName()));
			}
		}
		return ConditionOutcome
			.noMatch(message.because(REQUIRED + " is " + required + " and no backend is configured"));
	}

}
