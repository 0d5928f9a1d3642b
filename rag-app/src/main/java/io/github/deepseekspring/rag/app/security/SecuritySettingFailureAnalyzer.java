package io.github.deepseekspring.rag.app.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a {@link SecuritySettingException}: the property, what is wrong, what to set. */
class SecuritySettingFailureAnalyzer extends AbstractFailureAnalyzer<SecuritySettingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SecuritySettingException cause) {
		return new FailureAnalysis(cause.getMessage() + ".", cause.action(), cause);
	}

}
