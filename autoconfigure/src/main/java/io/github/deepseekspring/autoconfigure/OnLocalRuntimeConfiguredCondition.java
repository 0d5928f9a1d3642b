package io.github.deepseekspring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when a local runtime endpoint is configured: {@code deepseek.local.base-url} or any endpoint of the pool. */
class OnLocalRuntimeConfiguredCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Binder binder = Binder.get(context.getEnvironment());
		boolean single = binder.bind("deepseek.local.base-url", Bindable.of(String.class)).isBound();
		boolean pool = binder.bind("deepseek.local.endpoints[0].url", Bindable.of(String.class)).isBound();
		return (single || pool) ? ConditionOutcome.match("a local runtime endpoint is configured")
				: ConditionOutcome.noMatch("neither deepseek.local.base-url nor deepseek.local.endpoints is set");
	}

}
