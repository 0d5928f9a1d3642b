package io.github.deepseekspring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when {@code deepseek.api-key} (or the DEEPSEEK_API_KEY environment variable) has text. A key that is set
 * but empty, as deployment templates leave it ({@code DEEPSEEK_API_KEY=} in an .env file or a Secret), configures
 * no remote API: the app then runs on the local runtime alone or, with {@code deepseek.required=false}, without a
 * model, instead of calling the API with an empty key.
 */
class OnApiKeyCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return outcome(context);
	}

	static ConditionOutcome outcome(ConditionContext context) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("DeepSeek API key");
		String key = context.getEnvironment().getProperty("deepseek.api-key");
		if (StringUtils.hasText(key)) {
			return ConditionOutcome.match(message.found("property").items("deepseek.api-key"));
		}
		return ConditionOutcome.noMatch(message.didNotFind("non-empty property").items("deepseek.api-key"));
	}

}
