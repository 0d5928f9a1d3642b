package io.github.deepseekspring.autoconfigure;

import io.github.deepseekspring.model.api.DeepSeekApi;
import io.github.deepseekspring.model.local.LocalChatPort;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConfigurationCondition;

/**
 * Matches when the chat model should be created: a backend is configured (an API key, a local runtime, or the
 * user's own client bean), or none is but {@code deepseek.required} asks start-up to fail loudly about it.
 */
class OnChatModelWantedCondition extends AnyNestedCondition {

	OnChatModelWantedCondition() {
		super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
	}

	@ConditionalOnBooleanProperty(name = "deepseek.required", matchIfMissing = true)
	static class Required {

	}

	@Conditional(OnApiKeyCondition.class)
	static class ApiKey {

	}

	@Conditional(OnLocalRuntimeConfiguredCondition.class)
	static class LocalRuntime {

	}

	@ConditionalOnBean(DeepSeekApi.class)
	static class UserApiClient {

	}

	@ConditionalOnBean(LocalChatPort.class)
	static class UserLocalPort {

	}

}
